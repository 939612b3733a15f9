import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { setAwsContext } from './aws-context';
import { CrossStackReferences } from './cross-stack-references';
import { DEFAULT_REGION, type EnvironmentConfig, validateEnvironment } from './environment';
import { Guardrails, type GuardrailRule, type GuardrailSuppression } from './guardrails';
import { standardTags } from './tags';

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
    super(scope, `${props.application}-${props.environment.name}`);
    validateEnvironment(this, props.environment);
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

  /** True for prod: resources whose loss cuts off customers are protected there. */
  public get isProduction(): boolean {
    return this.environment.name === 'prod';
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
