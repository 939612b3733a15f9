import {
  AWS_SERVICE_ENDPOINT_POLICY,
  configError,
  Guardrails,
  isOpenStatement,
  knownAwsContext,
  type OpenableStatement,
  type PolicyCondition,
  policyDocument,
  type PolicyStatement,
  partitionOf,
  requireAccountId,
  requireArray,
  requireBoolean,
  requireResourceId,
  requireUnique,
  type ResolvedServiceName,
  S3_ENDPOINT_POLICY,
} from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/**
 * The data perimeter of an endpoint to an AWS service: by default its policy allows only
 * principals of the stack's account (or of `organizationId`) to reach resources of that account
 * (or organization), so neither stolen credentials of another account nor another account's
 * resources can carry data through the VPC's own endpoint.
 */
export interface EndpointPerimeterProps {
  /**
   * The AWS Organization (`o-...`) whose principals and resources the endpoint serves
   * (`aws:PrincipalOrgID`, `aws:ResourceOrgID`), instead of the stack's account alone.
   * @default - the stack's account only (`aws:PrincipalAccount`, `aws:ResourceAccount`)
   */
  readonly organizationId?: string;
  /**
   * More accounts whose principals and resources the endpoint serves, next to the stack's own
   * account and `organizationId` (a partner's account outside the organization, for example).
   * @default []
   */
  readonly perimeterAccountIds?: readonly string[];
  /**
   * Statements added to the policy (to the perimeter, or to `policy` when given): a named
   * exception of your own, or a `Deny` that narrows. A statement that allows any principal every
   * action on every resource without a condition is refused: use allowFullAccess for that.
   * @default []
   */
  readonly additionalStatements?: readonly PolicyStatement[];
  /**
   * Full access through the endpoint, by name: AWS's default endpoint policy (any principal
   * reaches any account's resources, the classic exfiltration path), or, with `policy` or
   * `additionalStatements`, those statements even when one of them allows everything.
   * Acknowledges guardrail PL-EP-3 (PL-EP-2 for S3), recorded in the synthesized JSON.
   * @default false
   */
  readonly allowFullAccess?: boolean;
}

/** Who and what a perimeter admits: an organization and/or accounts. */
interface Members {
  readonly organizationId?: string;
  readonly accountIds: readonly string[];
}

function principalConditions(members: Members, key: 'Principal' | 'Resource'): Array<{ label: string; condition: PolicyCondition }> {
  return [
    ...(members.organizationId ? [{ label: 'Organization', condition: { test: 'StringEquals', variable: `aws:${key}OrgID`, values: [members.organizationId] } }] : []),
    ...(members.accountIds.length > 0 ? [{ label: 'Account', condition: { test: 'StringEquals', variable: `aws:${key}Account`, values: [...members.accountIds] } }] : []),
  ];
}

/** The condition that the caller belongs to the perimeter, for exceptions whose resources AWS owns. */
function principalInPerimeter(members: Members): PolicyCondition[][] {
  return principalConditions(members, 'Principal').map(({ condition }) => [condition]);
}

/**
 * The data-perimeter statements of an endpoint policy, after AWS's data perimeter policy examples
 * (aws-samples/data-perimeter-policy-examples): principals of the perimeter to resources of the
 * perimeter (one statement per pairing of organization and accounts), AWS service principals
 * acting for you, and the AWS-owned resources a service needs (`ssm`: public parameters and
 * Amazon's documents; `sts`: federated sign-in to the perimeter's roles; `ec2`: launching
 * Amazon's AMIs).
 */
export function dataPerimeterStatements(service: string, region: string, members: Members): PolicyStatement[] {
  const partition = partitionOf(region);
  const pairs = principalConditions(members, 'Principal').flatMap((principal) =>
    principalConditions(members, 'Resource').map((resource) => ({
      sid: `${principal.label}PrincipalsTo${resource.label}Resources`,
      principals: '*' as const,
      actions: ['*'],
      resources: ['*'],
      conditions: [principal.condition, resource.condition],
    })),
  );
  const exceptions: PolicyStatement[] = [
    {
      sid: 'AwsServicePrincipals',
      principals: '*',
      actions: ['*'],
      resources: ['*'],
      conditions: [{ test: 'Bool', variable: 'aws:PrincipalIsAWSService', values: ['true'] }],
    },
  ];
  const base = service.replace(/-fips$/, '');
  if (base === 'ssm') {
    principalInPerimeter(members).forEach((conditions, index) =>
      exceptions.push({
        sid: `AwsOwnedSsmParametersAndDocuments${index === 0 ? '' : index + 1}`,
        principals: '*',
        actions: ['ssm:Describe*', 'ssm:List*', 'ssm:Get*', 'ssm:SendCommand', 'ssm:CreateAssociation', 'ssm:StartSession'],
        resources: [`arn:${partition}:ssm:${region}::parameter/aws/*`, `arn:${partition}:ssm:${region}::document/*`],
        conditions,
      }),
    );
  }
  if (base === 'sts') {
    // Web identity and SAML callers have no AWS account of their own; the role they assume must be ours.
    principalConditions(members, 'Resource').forEach(({ label, condition }) =>
      exceptions.push({ sid: `FederatedSignInTo${label}Roles`, principals: '*', actions: ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'], resources: ['*'], conditions: [condition] }),
    );
  }
  if (base === 'ec2') {
    principalInPerimeter(members).forEach((conditions, index) =>
      exceptions.push({
        sid: `AmazonOwnedImages${index === 0 ? '' : index + 1}`,
        principals: '*',
        actions: ['ec2:RunInstances'],
        resources: ['*'],
        conditions: [...conditions, { test: 'StringEquals', variable: 'ec2:Owner', values: ['amazon'] }],
      }),
    );
  }
  return [...pairs, ...exceptions];
}

/**
 * The endpoint policy of an interface endpoint: for an AWS service the data perimeter (or the
 * caller's `policy`), plus `additionalStatements`; `undefined` for AWS's full-access default,
 * which only `allowFullAccess: true` gives (acknowledging PL-EP-3, or PL-EP-2 for S3). Custom and
 * partner services usually ignore endpoint policies, so they get one only when given.
 */
export function requireEndpointPolicy(
  scope: IConstruct,
  props: EndpointPerimeterProps & { readonly policy?: readonly PolicyStatement[] },
  service: ResolvedServiceName,
  region: string,
): string | undefined {
  const allowFullAccess = requireBoolean(scope, 'allowFullAccess', props.allowFullAccess) ?? false;
  const additional = requireArray(scope, 'additionalStatements', props.additionalStatements ?? [], 'give a list of statements, for example [{ actions: ["kms:Decrypt"], resources: ["arn:aws:kms:..."] }]');
  if (props.policy !== undefined) requireArray(scope, 'policy', props.policy, 'give a list of statements, for example [{ principals: "*", actions: ["kinesis:PutRecord"], resources: ["arn:aws:kinesis:..."] }]');
  const perimeterFields = { organizationId: props.organizationId, perimeterAccountIds: props.perimeterAccountIds, allowFullAccess: props.allowFullAccess };
  if (!service.isAwsService) {
    const field = Object.entries(perimeterFields).find(([, value]) => value !== undefined)?.[0];
    if (field) configError(scope, field, `is set for ${service.serviceName}, which is not an AWS service`, 'leave it out: custom and partner services decide access themselves; give policy if the provider asks for one');
    return combinedPolicy(scope, props.policy, additional);
  }
  if (allowFullAccess) {
    const field = Object.entries({ organizationId: props.organizationId, perimeterAccountIds: props.perimeterAccountIds }).find(([, value]) => value !== undefined)?.[0];
    if (field) configError(scope, field, 'is set together with allowFullAccess', 'give either allowFullAccess: true or the perimeter settings, not both');
    const rule = service.shortName === 's3' ? S3_ENDPOINT_POLICY : AWS_SERVICE_ENDPOINT_POLICY;
    const policy = combinedPolicy(scope, props.policy, additional);
    Guardrails.acknowledge(scope, rule, `allowFullAccess: true was set on the endpoint to ${service.serviceName}, so ${policy !== undefined ? 'its policy may grant full access' : "AWS's full-access default policy applies"}`);
    return policy;
  }
  requireNarrowStatements(scope, 'policy', props.policy ?? [], 'allowFullAccess');
  requireNarrowStatements(scope, 'additionalStatements', additional, 'allowFullAccess');
  const statements = props.policy ?? dataPerimeterStatements(service.shortName ?? '', region, perimeterMembers(scope, props));
  // Every statement was checked above under its own field; the list can only be empty when policy is [] and there is nothing to add.
  return policyDocument(scope, 'policy', [...statements, ...additional]);
}

/**
 * `policy` and `additionalStatements` as one policy, `undefined` when both are empty; each list is
 * checked first under its own field, so an error names the index the caller wrote.
 */
function combinedPolicy(scope: IConstruct, policy: readonly PolicyStatement[] | undefined, additional: readonly PolicyStatement[]): string | undefined {
  renderStatements(scope, 'policy', policy ?? []);
  renderStatements(scope, 'additionalStatements', additional);
  const statements = [...(policy ?? []), ...additional];
  // Stryker disable next-line StringLiteral: every statement was checked above under its own field and the list is not empty, so this field never appears in an error
  return statements.length > 0 ? policyDocument(scope, 'policy', statements) : undefined;
}

function perimeterMembers(scope: IConstruct, props: EndpointPerimeterProps): Members {
  const organizationId = props.organizationId === undefined ? undefined : requireResourceId(scope, 'organizationId', props.organizationId, 'organization');
  const extra = requireArray(scope, 'perimeterAccountIds', props.perimeterAccountIds ?? [], "give account IDs as a list of strings, for example ['222222222222']");
  extra.forEach((account) => requireAccountId(scope, 'perimeterAccountIds', account));
  const { accountId } = knownAwsContext(scope);
  if (accountId === undefined && organizationId === undefined && extra.length === 0) {
    configError(scope, 'organizationId', "is not set and the stack's account is unknown, so the endpoint policy has no perimeter", 'give organizationId or perimeterAccountIds, build the stack as an EnvironmentStack with its accountId, or give policy');
  }
  const accountIds = [...(accountId !== undefined ? [accountId] : []), ...extra];
  requireUnique(scope, 'perimeterAccountIds', accountIds, "list each account once; the stack's own account is always in the perimeter");
  return { organizationId, accountIds };
}

/**
 * No opt-in bypassed by spelling: a hand-written statement that allows any principal every action
 * on every resource without a condition (core's isOpenStatement) needs the construct's named
 * opt-in (`optIn`) instead.
 */
export function requireNarrowStatements(scope: IConstruct, field: string, statements: readonly PolicyStatement[], optIn: string): void {
  const rendered = renderStatements(scope, field, statements);
  statements.forEach((statement, index) => {
    if (isOpenStatement(rendered[index])) {
      configError(scope, `${field}[${statement.sid ?? index}]`, "allows any principal every action on every resource without a condition, which is AWS's full-access default written out", `name the principals, actions or resources, add a condition such as aws:PrincipalAccount, or set ${optIn}: true if full access is really intended`);
    }
  });
}

/** The statements as rendered in a policy, each checked under its own index in the caller's list. */
function renderStatements(scope: IConstruct, field: string, statements: readonly PolicyStatement[]): OpenableStatement[] {
  return statements.length === 0 ? [] : JSON.parse(policyDocument(scope, field, statements)).Statement;
}
