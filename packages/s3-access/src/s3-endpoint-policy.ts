import { S3_READ_ACTIONS, S3_READ_WRITE_ACTIONS } from '@privatelink-cdktf/consumer';
import {
  configError,
  formatValue,
  Guardrails,
  isOpenStatement,
  type OpenableStatement,
  type PolicyCondition,
  policyDocument,
  type PolicyStatement,
  requireAccountId,
  requireArray,
  requireBoolean,
  requireNonEmpty,
  requireResourceId,
  S3_ENDPOINT_POLICY,
} from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';
import { bucketArns, requireBucketName } from './bucket';

/** What clients may do on the named buckets through an S3 endpoint. */
export type S3EndpointAccess =
  /** Get objects, list the buckets and find their region. */
  | 'read'
  /** Read, plus put objects and multipart uploads (no deletes). */
  | 'read-write';

const S3_ACTION = /^s3:[A-Za-z*]+$/;

/** Who may use an S3 endpoint, and for what: the props S3GatewayEndpoint and S3InterfaceEndpoint share. */
export interface S3EndpointPolicyOptions {
  /** The only buckets reachable through the endpoint. */
  readonly bucketNames: readonly string[];
  /**
   * What clients may do on the buckets: `'read'`, `'read-write'` or an explicit list of S3
   * actions (`['s3:GetObject', 's3:DeleteObject']`).
   * @default 'read-write'
   */
  readonly access?: S3EndpointAccess | readonly string[];
  /**
   * Only principals of these accounts may use the endpoint (`aws:PrincipalAccount`), so
   * credentials of another account cannot carry data out through it.
   * @default - the VPC's account (the stack's), unless organizationId is given
   */
  readonly principalAccountIds?: readonly string[];
  /** Principals of this AWS Organization may use the endpoint (`aws:PrincipalOrgID`). @default - none */
  readonly organizationId?: string;
  /** More endpoint policy statements. An open one (any principal, `s3:*`, every resource) needs `allowAll`. @default [] */
  readonly additionalStatements?: readonly PolicyStatement[];
  /**
   * Accept an open statement in `additionalStatements`: any principal, every S3 action, every
   * bucket of every account. Recorded as an acknowledgement of PL-EP-2 in the synthesized JSON.
   * @default false
   */
  readonly allowAll?: boolean;
}

/**
 * The statements of an S3 endpoint policy: the chosen actions on the named buckets and their
 * objects, for principals of the given accounts (by default the VPC's own) or organization, and
 * the caller's additional statements, checked like the rest: none may be open without `allowAll`.
 */
export function s3EndpointStatements(scope: IConstruct, options: S3EndpointPolicyOptions, context: { partition: string; accountId?: string }): PolicyStatement[] {
  const bucketNames = requireNonEmpty(scope, 'bucketNames', options.bucketNames, 'name the buckets clients may reach; the endpoint policy allows nothing else');
  bucketNames.forEach((name) => requireBucketName(scope, 'bucketNames', name));
  const actions = requireAccess(scope, options.access ?? 'read-write');
  const organizationId = options.organizationId === undefined ? undefined : requireResourceId(scope, 'organizationId', options.organizationId, 'organization');
  let accounts = options.principalAccountIds === undefined ? undefined : requireNonEmpty(scope, 'principalAccountIds', options.principalAccountIds, "list account IDs, for example ['123456789012'], or leave it out for the VPC's account");
  accounts?.forEach((account) => requireAccountId(scope, 'principalAccountIds', account));
  if (accounts === undefined && organizationId === undefined) {
    if (context.accountId === undefined) {
      configError(scope, 'principalAccountIds', "is not given and the stack's account is unknown", "give principalAccountIds or organizationId, or the environment's accountId");
    }
    accounts = [context.accountId];
  }
  const resources = bucketNames.flatMap((name) => {
    const arns = bucketArns(context.partition, name);
    return [arns.bucket, arns.objects];
  });
  const grant = (sid: string, condition: PolicyCondition): PolicyStatement => ({ sid, principals: '*', actions, resources, conditions: [condition] });
  const statements: PolicyStatement[] = [
    ...(accounts ? [grant('NamedBucketsForAccounts', { test: 'StringEquals', variable: 'aws:PrincipalAccount', values: accounts })] : []),
    ...(organizationId ? [grant('NamedBucketsForOrganization', { test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: [organizationId] })] : []),
  ];
  const allowAll = requireBoolean(scope, 'allowAll', options.allowAll) ?? false;
  const additional = requireArray(scope, 'additionalStatements', options.additionalStatements ?? [], 'give a list of statements, for example [{ principals: "*", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::bucket/*"] }]');
  if (additional.length > 0) {
    const rendered = JSON.parse(policyDocument(scope, 'additionalStatements', additional)) as { Statement: OpenableStatement[] };
    rendered.Statement.forEach((statement, index) => {
      if (isOpenStatement(statement, 's3') && !allowAll) {
        configError(scope, `additionalStatements[${index}]`, 'allows any principal every S3 action on every resource', "name the principals' accounts, the actions and the buckets, or set 'allowAll: true' if full access is really intended");
      }
    });
  }
  if (allowAll) Guardrails.acknowledge(scope, S3_ENDPOINT_POLICY, 'allowAll: true was set on the S3 endpoint, so its policy may grant full access');
  return [...statements, ...additional];
}

function requireAccess(scope: IConstruct, access: S3EndpointAccess | readonly string[]): string[] {
  if (access === 'read') return [...S3_READ_ACTIONS];
  if (access === 'read-write') return [...S3_READ_WRITE_ACTIONS];
  if (!Array.isArray(access)) configError(scope, 'access', `is ${formatValue(access)}`, "use 'read', 'read-write' or a list of S3 actions such as ['s3:GetObject']");
  const actions = requireNonEmpty(scope, 'access', access, "name the S3 actions, for example ['s3:GetObject'], or use 'read' or 'read-write'");
  for (const action of actions) {
    // A token never matches S3_ACTION (its markers are not letters), so it is refused here too.
    if (typeof action !== 'string' || !S3_ACTION.test(action)) {
      configError(scope, 'access', `has ${formatValue(action)}, which is not an S3 action`, "write S3 actions as s3:Action, for example 's3:GetObject'");
    }
  }
  return actions;
}

/** The Amazon Linux 2023 package repositories of a region, which are S3 buckets AWS owns: the named exception to the account perimeter. */
export function amazonLinuxRepositoryStatement(partition: string, region: string): PolicyStatement {
  return { sid: 'AmazonLinuxRepositories', principals: '*', actions: ['s3:GetObject'], resources: [`arn:${partition}:s3:::al2023-repos-${region}-de612dc2/*`] };
}
