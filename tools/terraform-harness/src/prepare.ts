type JsonObject = Record<string, unknown>;

export interface PrepareOptions {
  /** The mirror's hashicorp/aws version; when set it replaces the pinned version constraint. */
  awsVersion?: string;
}

/** Static fake credentials plus the switches that stop the provider from calling AWS while planning. */
export const OFFLINE_PROVIDER_SETTINGS = {
  access_key: 'mock',
  secret_key: 'mock',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

/**
 * Provider arguments that need AWS or the user's machine: role assumption calls STS, profiles read
 * ~/.aws, and the account id checks fail because a mocked account id is never known.
 */
const ONLINE_PROVIDER_ARGUMENTS = [
  'assume_role',
  'assume_role_with_web_identity',
  'profile',
  'shared_config_files',
  'shared_credentials_files',
  'allowed_account_ids',
  'forbidden_account_ids',
];

/**
 * Returns a copy of a synthesized cdk.tf.json that `terraform plan` can run offline: local backend,
 * mock credentials, and (with a mirror) the aws constraint relaxed to the version actually available.
 * Region, alias, default_tags and all resources are kept as synthesized.
 */
export function prepareForOfflinePlan<T extends object>(config: T, options: PrepareOptions = {}): T {
  const copy = structuredClone(config) as JsonObject;

  const terraform = ensureObject(copy, 'terraform');
  // A remote backend (s3) or HCP Terraform would need credentials and network; plans start from empty state.
  delete terraform.cloud;
  terraform.backend = { local: { path: 'terraform.tfstate' } };

  const aws = asObject(asObject(terraform.required_providers)?.aws);
  if (aws && options.awsVersion) aws.version = options.awsVersion;

  const providers = asObject(copy.provider);
  if (providers?.aws !== undefined) {
    const entries = Array.isArray(providers.aws) ? providers.aws : [providers.aws];
    const prepared = entries.map((entry) => {
      const provider: JsonObject = { ...asObject(entry), ...OFFLINE_PROVIDER_SETTINGS };
      for (const key of ONLINE_PROVIDER_ARGUMENTS) delete provider[key];
      return provider;
    });
    providers.aws = Array.isArray(providers.aws) ? prepared : prepared[0];
  }

  return copy as T;
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function ensureObject(parent: JsonObject, key: string): JsonObject {
  const existing = asObject(parent[key]);
  if (existing) return existing;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}
