import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { setAwsContext } from './aws-context';
import { CrossStackReferences } from './cross-stack-references';
import { DEFAULT_REGION, type EnvironmentConfig, requireEnvironment } from './environment';
import { Guardrails, type GuardrailRule, type GuardrailSuppression } from './guardrails';
import { standardTags } from './tags';
import { configError, formatValue } from './config-error';
import { describeKind } from './validate';

export interface EnvironmentStackProps {
  /** The app, for example `saas-provider`; the stack is named `<application>-<environment>`. */
  readonly application: string;
  readonly environment: EnvironmentConfig;
  /** Extra default tags for every resource. @default {} */
  readonly tags?: Record<string, string>;
  /**
   * The guardrail pack always runs on the stack and fails the synth on a finding; add rules of
   * your own, and accept findings with a reason (written to cdk.tf.json for reviewers).
   * @default - the PrivateLink pack, nothing suppressed
   */
  readonly guardrails?: {
    /** @default [] */
    readonly rules?: readonly GuardrailRule[];
    /** @default [] */
    readonly suppressions?: readonly GuardrailSuppression[];
  };
}

/**
 * A stack for one environment of an app: its AWS provider (region, optional assumed role, default
 * tags), its state backend (local for dev by default, S3 with a lockfile for shared ones) and the
 * guardrail pack, which fails the synth on an unsuppressed finding.
 */
export class EnvironmentStack extends TerraformStack {
  public readonly application: string;
  public readonly environment: EnvironmentConfig;
  public readonly region: string;
  public readonly accountId: string;
  public readonly awsProvider: AwsProvider;

  constructor(scope: Construct, props: EnvironmentStackProps) {
    super(scope, stackName(scope, props));
    requireEnvironment(this, props.environment);
    this.application = props.application;
    this.environment = props.environment;
    this.region = props.environment.region ?? DEFAULT_REGION;
    this.accountId = props.environment.accountId;
    setAwsContext(this, { region: this.region, accountId: this.accountId });

    this.awsProvider = new AwsProvider(this, 'aws', {
      region: this.region,
      // Refuse to touch any other account, whatever credentials the caller holds.
      allowedAccountIds: [this.accountId],
      assumeRole: props.environment.assumeRoleArn
        ? [{ roleArn: props.environment.assumeRoleArn, sessionName: `${this.node.id}-terraform` }]
        : undefined,
      defaultTags: [{ tags: standardTags({ application: props.application, environment: props.environment.name, extra: props.tags }) }],
    });
    this.configureBackend();

    CrossStackReferences.guard(this);
    const guardrails = Guardrails.of(this);
    (props.guardrails?.rules ?? []).forEach((rule) => guardrails.addRule(rule));
    guardrails.suppress(...(props.guardrails?.suppressions ?? []));
  }

  /**
   * True for a production environment (`environment.production`, by default the name `prod`):
   * resources whose loss cuts off customers are protected there. Constructs read it through
   * core's `isProduction(scope)`.
   */
  public get isProduction(): boolean {
    return this.environment.production ?? this.environment.name === 'prod';
  }

  private configureBackend(): void {
    const backend = this.environment.backend ?? { type: 'local' };
    if (backend.type === 'local') {
      new LocalBackend(this, { path: backend.path ?? `terraform.${this.node.id}.tfstate` });
      return;
    }
    new S3Backend(this, {
      bucket: backend.bucket,
      key: `${backend.keyPrefix ?? 'privatelink'}/${this.node.id}.tfstate`,
      region: backend.region ?? this.region,
      encrypt: true,
      kmsKeyId: backend.kmsKeyId,
    });
    // cdktf 0.21 has no typed option for S3-native locking (Terraform >= 1.10), so set it directly.
    this.addOverride('terraform.backend.s3.use_lockfile', true);
  }
}

const APPLICATION = /^[a-z][a-z0-9-]{0,47}$/;

/** `<application>-<environment>`, after checking both parts (a stack is not yet there to name in the error, so the app is). */
function stackName(scope: Construct, props: EnvironmentStackProps): string {
  if (props === undefined || props === null || typeof props !== 'object') {
    configError(scope, 'props', `is ${describeKind(props)}`, "pass { application: 'my-app', environment: { name: 'dev', accountId: '123456789012' } }");
  }
  if (typeof props.application !== 'string' || !APPLICATION.test(props.application)) {
    configError(scope, 'application', `is ${formatValue(props.application)}`, "name the app in lower-case letters, digits and hyphens, for example 'saas-provider'");
  }
  if (props.environment === undefined || props.environment === null || typeof props.environment !== 'object') {
    configError(scope, 'environment', `is ${describeKind(props.environment)}`, "give { name: 'dev' | 'stg' | 'prod', accountId: '123456789012' }");
  }
  return `${props.application}-${String(props.environment.name)}`;
}
