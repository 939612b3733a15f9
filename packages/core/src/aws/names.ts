import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { describeKind, isUnresolved } from '../validate';

/** The naming rule of one kind of AWS resource, as AWS and the Terraform provider enforce it. */
export interface NameRule {
  /** What is named, for messages: `security group name`. */
  readonly subject: string;
  /** @default 1 */
  readonly minLength?: number;
  readonly maxLength: number;
  /** The characters allowed (the whole name must match). */
  readonly pattern: RegExp;
  /** The allowed characters in words, for the fix. */
  readonly characters: string;
  /** Prefixes AWS reserves, with why. @default [] */
  readonly reservedPrefixes?: readonly string[];
  /** Suffixes AWS reserves. @default [] */
  readonly reservedSuffixes?: readonly string[];
  /** Further checks, returning a problem or `undefined`. */
  readonly extra?: (name: string) => string | undefined;
  /** A valid example. */
  readonly example: string;
}

// Any text without control characters (tag values and descriptions take Unicode).
const PRINTABLE = /^[^\p{Cc}]*$/u;

const noEdgeHyphen = (name: string) => (name.startsWith('-') || name.endsWith('-') ? 'starts or ends with a hyphen' : undefined);

/** Naming rules per resource type. */
export const NAME_RULES = {
  /** `aws_security_group.name`: VPC security groups (the provider's own limit on `name_prefix` is 100). */
  securityGroup: {
    subject: 'security group name',
    maxLength: 255,
    pattern: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
    characters: 'letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*',
    reservedPrefixes: ['sg-'],
    example: 'tenant-consumer-prod-endpoint',
  },
  /** `aws_security_group.description` and the descriptions of its rules. */
  securityGroupDescription: {
    subject: 'security group description',
    maxLength: 255,
    pattern: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
    characters: 'letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*',
    example: 'HTTPS from the VPC',
  },
  /** The `name` of core constructs that build several resource names from it (log groups, roles, tags). */
  namePrefix: {
    subject: 'name',
    maxLength: 64,
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    characters: 'letters, digits and ._-, starting with a letter or digit',
    example: 'tenant-consumer-prod',
  },
  /** `aws_lb.name`. */
  loadBalancer: {
    subject: 'load balancer name',
    maxLength: 32,
    pattern: /^[A-Za-z0-9-]+$/,
    characters: 'letters, digits and hyphens',
    reservedPrefixes: ['internal-'],
    extra: noEdgeHyphen,
    example: 'saas-provider-prod-nlb',
  },
  /** `aws_lb_target_group.name`. */
  targetGroup: {
    subject: 'target group name',
    maxLength: 32,
    pattern: /^[A-Za-z0-9-]+$/,
    characters: 'letters, digits and hyphens',
    extra: noEdgeHyphen,
    example: 'saas-provider-prod-alb',
  },
  /** `aws_cloudwatch_log_group.name`. */
  logGroup: {
    subject: 'log group name',
    maxLength: 512,
    pattern: /^[.\-_/#A-Za-z0-9]+$/,
    characters: 'letters, digits and ._-/#',
    reservedPrefixes: ['aws/'],
    example: '/privatelink/prod/flow-logs',
  },
  /** `aws_iam_role.name`. */
  iamRole: {
    subject: 'IAM role name',
    maxLength: 64,
    pattern: /^[\w+=,.@-]+$/,
    characters: 'letters, digits and _+=,.@-',
    example: 'saas-provider-prod-flow-logs',
  },
  /** `aws_iam_role.path`. */
  iamPath: {
    subject: 'IAM path',
    maxLength: 512,
    pattern: /^\/([\x21-\x7e]*\/)?$/,
    characters: 'printable ASCII characters, starting and ending with /',
    example: '/privatelink/',
  },
  /** `aws_kms_alias.name`, with its `alias/` prefix. */
  kmsAlias: {
    subject: 'KMS alias',
    minLength: 7,
    maxLength: 256,
    pattern: /^alias\/[A-Za-z0-9/_-]+$/,
    characters: "'alias/' followed by letters, digits and /_-",
    reservedPrefixes: ['alias/aws/'],
    example: 'alias/privatelink/prod/logs',
  },
  /** `aws_sns_topic.name` (a FIFO topic ends in `.fifo`). */
  snsTopic: {
    subject: 'SNS topic name',
    maxLength: 256,
    pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/,
    characters: "letters, digits, hyphens and underscores (and '.fifo' at the end of a FIFO topic)",
    example: 'endpoint-connections',
  },
  /** `aws_s3_bucket.bucket` (general purpose buckets). */
  s3Bucket: {
    subject: 'S3 bucket name',
    minLength: 3,
    maxLength: 63,
    pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    characters: 'lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit',
    reservedPrefixes: ['xn--', 'sthree-', 'amzn-s3-demo-'],
    reservedSuffixes: ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'],
    extra: (name: string) =>
      name.includes('..') ? 'has two dots in a row' : /^\d{1,3}(\.\d{1,3}){3}$/.test(name) ? 'is written like an IP address' : undefined,
    example: 'acme-reports-111111111111',
  },
  /** `aws_transfer_user.user_name`. */
  transferUser: {
    subject: 'Transfer Family user name',
    minLength: 3,
    maxLength: 100,
    pattern: /^\w[\w@.-]*$/,
    characters: 'letters, digits and _@.-, starting with a letter, digit or underscore',
    example: 'partner-acme',
  },
  /** The `Name` tag (and other tag values) of EC2 resources such as VPC endpoints. */
  tagValue: {
    subject: 'tag value',
    minLength: 0,
    maxLength: 256,
    pattern: PRINTABLE,
    characters: 'printable characters',
    example: 'tenant-consumer-prod-saas',
  },
  /** `aws_route53_resolver_endpoint.name`. */
  resolverEndpoint: {
    subject: 'Resolver endpoint name',
    maxLength: 64,
    pattern: /^[A-Za-z0-9 _'-]+$/,
    characters: "letters, digits, spaces and _'-",
    extra: (name: string) => (/^\d+$/.test(name) ? 'is only digits' : undefined),
    example: 'tenant-consumer-prod-inbound',
  },
  /** `aws_ec2_client_vpn_endpoint.description`. */
  clientVpnDescription: {
    subject: 'Client VPN description',
    minLength: 0,
    maxLength: 255,
    pattern: PRINTABLE,
    characters: 'printable characters',
    example: 'S3 access for the finance team',
  },
} satisfies Record<string, NameRule>;

/** What is wrong with a name under a rule, or `undefined` when it follows it. */
export function nameProblem(name: string, rule: NameRule): string | undefined {
  if (typeof name !== 'string') return `is ${describeKind(name)}, not a string`;
  const min = rule.minLength ?? 1;
  if (name.length < min) return min === 1 ? 'is empty' : `has ${name.length} characters, fewer than the ${min} a ${rule.subject} needs`;
  if (name.length > rule.maxLength) return `has ${name.length} characters, more than the ${rule.maxLength} a ${rule.subject} may have`;
  const prefix = rule.reservedPrefixes?.find((p) => name.toLowerCase().startsWith(p));
  if (prefix) return `starts with '${prefix}', which AWS reserves`;
  const suffix = rule.reservedSuffixes?.find((s) => name.endsWith(s));
  if (suffix) return `ends with '${suffix}', which AWS reserves`;
  if (!rule.pattern.test(name)) return `has characters a ${rule.subject} may not contain`;
  return rule.extra?.(name);
}

/**
 * Fails unless `name` follows the naming rule of its resource type, naming the problem and the
 * rule in the fix. Unresolved values pass.
 */
export function requireName(scope: IConstruct, field: string, name: string, rule: NameRule): string {
  if (isUnresolved(name)) return name;
  const problem = nameProblem(name, rule);
  if (problem) {
    const min = rule.minLength ?? 1;
    const length = min <= 1 ? `at most ${rule.maxLength}` : `${min} to ${rule.maxLength}`;
    const prefixes = rule.reservedPrefixes ?? [];
    const reserved = prefixes.length > 0 ? `, not starting with ${prefixes.map((p) => `'${p}'`).join(' or ')}` : '';
    configError(scope, field, `is ${formatValue(name)}, which ${problem}`, `a ${rule.subject} is ${length} characters (${rule.characters})${reserved}, for example '${rule.example}'`);
  }
  return name;
}
