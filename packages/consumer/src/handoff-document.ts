import * as fs from 'node:fs';
import { ConfigError, configError, requireDnsName, requireRegion, formatValue } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { z } from 'zod';
import { resolveServiceName } from './service-name';

/** The format tag of a handoff document; a later format gets a new tag. */
export const HANDOFF_FORMAT = 'privatelink-cdktf/handoff@1';

/**
 * What a service provider hands a customer so it can create its interface endpoint, as a JSON
 * document written from the provider stack's outputs (`npm run handoff -- <provider-stack>`),
 * instead of a cross-stack reference that would read the provider's Terraform state.
 */
export interface HandoffDocument {
  readonly format: typeof HANDOFF_FORMAT;
  /** The provider stack the values come from, for example `saas-provider-prod`. */
  readonly providerStack: string;
  /** `com.amazonaws.vpce.<region>.vpce-svc-...` */
  readonly serviceName: string;
  /** The zones the service is offered in, as AZ IDs (the same zones in every account). */
  readonly availabilityZoneIds: readonly string[];
  /** The name the service answers to once the endpoint has private DNS. @default - none */
  readonly privateDnsName?: string;
  /** Regions whose endpoints may connect; the service's own region always can. */
  readonly supportedRegions: readonly string[];
  readonly supportedIpAddressTypes: readonly ('ipv4' | 'ipv6')[];
}

/**
 * The provider stack outputs a handoff document is written from, by document field. A provider
 * stack that hands its service over defines these outputs.
 */
export const HANDOFF_OUTPUTS = {
  serviceName: 'service_name',
  availabilityZoneIds: 'availability_zone_ids',
  privateDnsName: 'private_dns_name',
  supportedRegions: 'supported_regions',
  supportedIpAddressTypes: 'supported_ip_address_types',
} as const;

// An AZ ID (apne1-az1): IDs, not names, name the same zone in the provider's account and in yours.
const AZ_ID = /^[a-z]+[0-9]+(-[a-z]+[0-9]+)?-az[0-9]+$/;
const DOCUMENT = z.strictObject({
  format: z.literal(HANDOFF_FORMAT),
  providerStack: z.string().min(1),
  serviceName: z.string(),
  availabilityZoneIds: z.array(z.string().regex(AZ_ID, 'is not an AZ ID such as apne1-az1')).min(1),
  privateDnsName: z.string().optional(),
  supportedRegions: z.array(z.string()),
  supportedIpAddressTypes: z.array(z.enum(['ipv4', 'ipv6'])).min(1),
});

/** A handoff document that cannot be used: the message names the file, the field and the fix. */
export class HandoffDocumentError extends Error {
  public readonly file: string;
  /** @default - the document as a whole */
  public readonly field?: string;

  constructor(file: string, message: string, field?: string) {
    super(`${file}: ${message}`);
    this.name = 'HandoffDocumentError';
    this.file = file;
    this.field = field;
  }
}

/** Reads and checks a handoff document. */
export function readHandoffDocument(file: string): HandoffDocument {
  let text: string;
  try {
    // Stryker disable next-line StringLiteral: without an encoding the Buffer becomes the same UTF-8 text in JSON.parse
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new HandoffDocumentError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); ask the provider for its handoff document (npm run handoff -- <provider-stack>)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HandoffDocumentError(file, `is not JSON (${(error as Error).message}); use the document as the provider wrote it`);
  }
  return parseHandoffDocument(value, file);
}

/** Checks a parsed handoff document; `file` names it in errors. */
export function parseHandoffDocument(value: unknown, file: string): HandoffDocument {
  const parsed = DOCUMENT.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? parsed.error.issues[0];
    // Stryker disable next-line Regex: a path opens with a key, so its first '.' is the leading one
    const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || undefined;
    throw new HandoffDocumentError(file, `${field ? `'${field}'` : 'the document'} ${describe(issue)}`, field);
  }
  const document = parsed.data;
  // The same checks an interface endpoint makes, so a bad value is named here, with the file.
  // Stryker disable next-line StringLiteral: the id names the construct only in the prefix the catch below strips
  const scope = new HandoffDocumentFile(undefined as unknown as Construct, 'handoff');
  try {
    requireCustomServiceName(scope, document.serviceName);
    document.supportedRegions.forEach((region) => requireRegion(scope, 'supportedRegions', region));
    if (document.privateDnsName !== undefined) requireDnsName(scope, 'privateDnsName', document.privateDnsName);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: the checks above throw only ConfigErrors for the strings zod let through
    if (!(error instanceof ConfigError)) throw error;
    const prefix = `${HandoffDocumentFile.name} '${error.constructPath}': `;
    throw new HandoffDocumentError(file, error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message, error.field);
  }
  return { ...document, format: HANDOFF_FORMAT };
}

class HandoffDocumentFile extends Construct {}

function requireCustomServiceName(scope: Construct, serviceName: string): void {
  let resolved;
  try {
    // Stryker disable next-line StringLiteral,LogicalOperator: the region matters only for a cross-region serviceRegion, never given here; the catch replaces the field
    resolved = resolveServiceName(scope, 'serviceName', { serviceName }, regionOf(serviceName) ?? 'us-east-1');
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: resolveServiceName throws only ConfigErrors for a string
    if (!(error instanceof ConfigError)) throw error;
    configError(scope, 'serviceName', `is ${formatValue(serviceName)}, which is not an endpoint service name`, 'use the document as the provider wrote it: com.amazonaws.vpce.<region>.vpce-svc-...');
  }
  if (resolved.isAwsService) {
    configError(scope, 'serviceName', `is ${formatValue(serviceName)}, an AWS service`, "a handoff document names a provider's endpoint service, com.amazonaws.vpce.<region>.vpce-svc-...");
  }
}

/** The region in an endpoint service name. */
function regionOf(serviceName: string): string | undefined {
  return /^(?:cn\.)?com\.amazonaws\.vpce\.([a-z0-9-]+)\./.exec(serviceName)?.[1];
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `has the unknown field ${issue.keys.map((key) => `'${key}'`).join(', ')}; use the document as the provider wrote it`;
    case 'invalid_type':
      return issue.input === undefined ? 'is missing; ask the provider for a complete handoff document' : `is ${JSON.stringify(issue.input)}, not ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `is ${JSON.stringify(issue.input)}; ${issue.path[0] === 'format' ? `this reader takes ${HANDOFF_FORMAT}: update @privatelink-cdktf/consumer, or ask for a document of that format` : `use one of ${issue.values.map((v) => `'${String(v)}'`).join(', ')}`}`;
    case 'too_small':
      return 'is empty; the provider must publish at least one';
    case 'invalid_format':
      return `is ${JSON.stringify(issue.input)}, which ${issue.message}`;
    // Stryker disable next-line ConditionalExpression: unreachable, the schema raises only the codes above
    default:
      return issue.message;
  }
}

/** What the document means for an interface endpoint in `region`: its service, zones and service region. */
export interface HandoffEndpointSettings {
  readonly service: { readonly serviceName: string };
  readonly providerAvailabilityZoneIds: readonly string[];
  /** Set when the service is in another region (cross-region PrivateLink). @default - the endpoint's region */
  readonly serviceRegion?: string;
  readonly privateDnsName?: string;
}

/**
 * The interface endpoint settings for a consumer in `region`: fails, naming the document, when the
 * service does not accept that region or the endpoint's IP address type.
 */
export function handoffEndpointSettings(document: HandoffDocument, options: { region: string; ipAddressType?: 'ipv4' | 'dualstack' | 'ipv6'; file?: string }): HandoffEndpointSettings {
  const file = options.file ?? `the handoff document of ${document.providerStack}`;
  const serviceRegion = regionOf(document.serviceName);
  if (serviceRegion !== undefined && serviceRegion !== options.region && !document.supportedRegions.includes(options.region)) {
    throw new HandoffDocumentError(
      file,
      `'supportedRegions' is ${JSON.stringify(document.supportedRegions)}, without ${options.region} where the endpoint is; ask the provider to add ${options.region} to the service's supported regions, or create the endpoint in ${serviceRegion}`,
      'supportedRegions',
    );
  }
  if (options.ipAddressType !== undefined && options.ipAddressType !== 'ipv4' && !document.supportedIpAddressTypes.includes('ipv6')) {
    throw new HandoffDocumentError(
      file,
      `'supportedIpAddressTypes' is ${JSON.stringify(document.supportedIpAddressTypes)}, so an endpoint with ipAddressType '${options.ipAddressType}' cannot connect; use 'ipv4', or ask the provider to support ipv6`,
      'supportedIpAddressTypes',
    );
  }
  return {
    service: { serviceName: document.serviceName },
    providerAvailabilityZoneIds: [...document.availabilityZoneIds],
    serviceRegion: serviceRegion !== options.region ? serviceRegion : undefined,
    privateDnsName: document.privateDnsName,
  };
}

/**
 * A handoff document from a provider stack's outputs (`terraform output -json`, or the `outputs`
 * of its state: `{ name: { value } }`). Fails, naming `source`, on a missing or malformed output.
 */
export function handoffFromOutputs(providerStack: string, outputs: Readonly<Record<string, { readonly value?: unknown } | undefined>>, source: string): HandoffDocument {
  const value = (field: keyof typeof HANDOFF_OUTPUTS): unknown => outputs[HANDOFF_OUTPUTS[field]]?.value;
  const missing = (['serviceName', 'availabilityZoneIds', 'supportedRegions', 'supportedIpAddressTypes'] as const).filter((field) => value(field) === undefined);
  if (missing.length > 0) {
    throw new HandoffDocumentError(
      source,
      `has no output ${missing.map((field) => `'${HANDOFF_OUTPUTS[field]}'`).join(', ')}; the provider stack must define the handoff outputs (${Object.values(HANDOFF_OUTPUTS).join(', ')}) and be applied`,
    );
  }
  const privateDnsName = value('privateDnsName');
  return parseHandoffDocument(
    {
      format: HANDOFF_FORMAT,
      providerStack,
      serviceName: value('serviceName'),
      availabilityZoneIds: value('availabilityZoneIds'),
      ...(privateDnsName !== undefined && privateDnsName !== null && privateDnsName !== '' ? { privateDnsName } : {}),
      supportedRegions: value('supportedRegions'),
      supportedIpAddressTypes: value('supportedIpAddressTypes'),
    },
    source,
  );
}
