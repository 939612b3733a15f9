import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The README opens with an example users copy: it must keep compiling against the current API and
// synthesize what it promises. (The packaging test also builds it from the packed tarball.)
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('the README example', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-access-readme-'));
  const file = path.join(__dirname, `readme-example-${process.pid}.generated.ts`);
  let stack: { resource: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    fs.writeFileSync(file, example);
    const previous = process.env.CDKTF_OUTDIR;
    process.env.CDKTF_OUTDIR = outdir;
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await jest.isolateModulesAsync(async () => {
        await import(file);
      });
    } finally {
      log.mockRestore();
      if (previous === undefined) delete process.env.CDKTF_OUTDIR;
      else process.env.CDKTF_OUTDIR = previous;
      fs.rmSync(file, { force: true });
    }
    stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'exchange-prod', 'cdk.tf.json'), 'utf8'));
  });

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('imports the package and opens with the recommended architecture', () => {
    expect(example).toContain("from '@privatelink-cdktf/s3-access'");
    expect(example).toContain("chooseS3Access({ protocol: 's3-api', directConnect: true })");
  });

  it('synthesizes both S3 endpoints, the resolver, the SFTP server and the bucket guard', () => {
    const endpoints = Object.values(stack.resource.aws_vpc_endpoint) as Array<Record<string, unknown>>;
    expect(endpoints.map((e) => e.vpc_endpoint_type).sort()).toEqual(['Gateway', 'Interface']);
    expect(Object.keys(stack.resource.aws_route53_resolver_endpoint)).toHaveLength(1);
    expect(Object.keys(stack.resource.aws_transfer_server)).toHaveLength(1);
    expect(Object.keys(stack.resource.aws_s3_bucket_policy)).toHaveLength(1);
  });
});
