import * as fs from 'node:fs';
import * as path from 'node:path';
import { countChanges, planChange, reviewChanges, type ChangeReview, type PlanJson } from '@privatelink-cdktf/plan-review';
import { TERRAFORM_TIMEOUT_MS, type Member } from '@privatelink-cdktf/terraform-harness';
import { synthesizeReadmeExamples, type ReadmeExample } from '../../../scripts/readme-examples';

// A user who built the first example of a library's README with the last release upgrades to the
// working tree: nothing may be replaced or destroyed. "The last release" is what the README
// examples synthesized when it was cut: `npm run version-packages` (the Version Packages commit
// that publishes a release) records it in baseline/readmes with the versions it published. The
// libraries have not been published to npm yet, so there is no tarball to install; this
// synthesis is what that tarball would have produced.
const root = path.join(__dirname, '..', '..', '..');
const baselineDir = path.join(__dirname, '..', 'baseline', 'readmes');
const versions = JSON.parse(fs.readFileSync(path.join(baselineDir, 'versions.json'), 'utf8')) as Record<string, string>;
const base: Member[] = Object.keys(versions).flatMap((library) =>
  fs
    .readdirSync(path.join(baselineDir, library))
    .sort()
    .map((file) => ({ name: file.replace(/\.tf\.json$/, ''), config: JSON.parse(fs.readFileSync(path.join(baselineDir, library, file), 'utf8')) as object })),
);

let head: ReadmeExample[];
let review: ChangeReview;

beforeAll(async () => {
  head = await synthesizeReadmeExamples(root);
  review = await planChange(base, head.flatMap((example) => example.stacks), { label: 'upgrade-safety-readmes' });
}, TERRAFORM_TIMEOUT_MS);

it('records the README examples of the released version of every library', () => {
  const current = Object.fromEntries(fs.readdirSync(path.join(root, 'packages')).sort().map((library) => [library, (JSON.parse(fs.readFileSync(path.join(root, 'packages', library, 'package.json'), 'utf8')) as { version: string }).version]));
  // A version bump without a new baseline means the release did not record its examples.
  expect(versions).toEqual(current);
  expect(head.map((e) => e.library)).toEqual(Object.keys(versions).sort());
});

it('plans each example of the working tree against the state of its release', () => {
  expect(review.stacks.map((s) => [s.name, s.error?.message, s.new])).toEqual(base.map((m) => [m.name, undefined, false]));
});

it('replaces and destroys nothing in a stack built from a README example', () => {
  const risky = review.stacks.flatMap((change) =>
    reviewChanges(change.plan as PlanJson)
      .filter((c) => c.action === 'replace' || c.action === 'delete')
      .map((c) => `${change.name}: ${c.address} ${c.action}${c.replacePaths.length ? ` (forced by ${c.replacePaths.join(', ')})` : ''}`),
  );
  expect(risky).toEqual([]);
  const counts = review.stacks.map((change) => `${change.name} ${JSON.stringify(countChanges(reviewChanges(change.plan as PlanJson)))}`);
  process.stderr.write(`upgrade safety, README examples against their release: ${counts.join('; ')}\n`);
});
