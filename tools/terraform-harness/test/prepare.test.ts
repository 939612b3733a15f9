import { prepareForOfflinePlan } from '../src/prepare';

// The shape cdktf synthesizes: a pinned provider, an s3 backend and an array of aws providers.
function synthesized() {
  return {
    terraform: {
      required_providers: { aws: { source: 'aws', version: '6.25.0' } },
      backend: { s3: { bucket: 'state-bucket', key: 'app.tfstate', region: 'us-east-1' } },
    },
    provider: {
      aws: [
        {
          region: 'eu-west-1',
          default_tags: [{ tags: { Project: 'privatelink' } }],
          assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/deployer' }],
          allowed_account_ids: ['111111111111'],
          profile: 'prod',
        },
        { alias: 'use1', region: 'us-east-1' },
      ],
    },
    resource: { aws_vpc: { main: { cidr_block: '10.0.0.0/16' } } },
  };
}

const MOCK_SETTINGS = {
  access_key: 'mock',
  secret_key: 'mock',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

describe('prepareForOfflinePlan', () => {
  test('relaxes the pinned aws version to the mirror version', () => {
    const prepared = prepareForOfflinePlan(synthesized(), { awsVersion: '5.100.0' });
    expect(prepared.terraform.required_providers.aws).toEqual({ source: 'aws', version: '5.100.0' });
  });

  test('keeps the pinned version when no mirror version is given', () => {
    const prepared = prepareForOfflinePlan(synthesized(), {});
    expect(prepared.terraform.required_providers.aws.version).toBe('6.25.0');
  });

  test('swaps the s3 backend for a local one', () => {
    const prepared = prepareForOfflinePlan(synthesized(), { awsVersion: '5.100.0' });
    expect(prepared.terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
  });

  test('adds a local backend when there was none and drops an HCP Terraform block', () => {
    const config = { terraform: { cloud: { organization: 'acme' } }, resource: {} };
    const prepared = prepareForOfflinePlan(config) as Record<string, Record<string, unknown>>;
    expect(prepared.terraform).toEqual({ backend: { local: { path: 'terraform.tfstate' } } });
  });

  test('gives every aws provider mock credentials and removes what would call AWS', () => {
    const [main, aliased] = prepareForOfflinePlan(synthesized(), { awsVersion: '5.100.0' }).provider.aws;
    expect(main).toEqual({
      region: 'eu-west-1',
      default_tags: [{ tags: { Project: 'privatelink' } }],
      ...MOCK_SETTINGS,
    });
    expect(aliased).toEqual({ alias: 'use1', region: 'us-east-1', ...MOCK_SETTINGS });
  });

  test('handles a provider written as a single object', () => {
    const config = { provider: { aws: { region: 'us-east-1', assume_role: [{ role_arn: 'x' }] } } };
    expect(prepareForOfflinePlan(config).provider.aws).toEqual({ region: 'us-east-1', ...MOCK_SETTINGS });
  });

  test('does not mutate its input', () => {
    const input = synthesized();
    const snapshot = structuredClone(input);
    const prepared = prepareForOfflinePlan(input, { awsVersion: '5.100.0' });
    expect(input).toEqual(snapshot);
    expect(prepared.resource).toEqual(input.resource);
    expect(prepared.resource).not.toBe(input.resource);
  });
});
