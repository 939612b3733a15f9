import type { GuardrailRule } from './guardrail-rule';
import { PRIVATE_BUCKET_ENDPOINTS_ONLY, PRIVATE_BUCKET_PUBLIC_ACCESS_BLOCK, PRIVATE_BUCKET_TLS_ONLY } from './rules/bucket-rules';
import { AWS_SERVICE_ENDPOINT_POLICY, ENDPOINT_DEDICATED_SECURITY_GROUP, S3_ENDPOINT_POLICY } from './rules/endpoint-rules';
import { ENDPOINT_SERVICE_ACCEPTANCE, NO_ANY_PRINCIPAL, SERVICE_LOAD_BALANCER_DELETION_PROTECTION } from './rules/endpoint-service-rules';
import { SERVICE_ROLE_CONFUSED_DEPUTY } from './rules/iam-rules';
import { ENCRYPTED_VOLUMES, INSTANCE_IMDSV2, NO_PUBLIC_IP } from './rules/instance-rules';
import { MODERN_TLS_LISTENER } from './rules/listener-rules';
import { LOG_GROUP_RETENTION_AND_KEY, VPC_FLOW_LOGS } from './rules/logging-rules';
import { PRODUCTION_PREVENT_DESTROY, PRODUCTION_REMOTE_STATE } from './rules/production-rules';
import { NO_OPEN_INGRESS } from './rules/security-group-rules';
import { ENCRYPTED_TOPIC } from './rules/topic-rules';
import { TRANSFER_SERVER_CURRENT_POLICY, TRANSFER_SERVER_IN_VPC, TRANSFER_SERVER_LOGGING } from './rules/transfer-rules';

/**
 * The PrivateLink guardrail pack, run on every EnvironmentStack: the secure defaults of DESIGN.md
 * ("Secure by default") as synth-time rules.
 */
export const PRIVATELINK_RULES: readonly GuardrailRule[] = [
  ENDPOINT_SERVICE_ACCEPTANCE,
  NO_ANY_PRINCIPAL,
  SERVICE_LOAD_BALANCER_DELETION_PROTECTION,
  NO_OPEN_INGRESS,
  ENDPOINT_DEDICATED_SECURITY_GROUP,
  S3_ENDPOINT_POLICY,
  AWS_SERVICE_ENDPOINT_POLICY,
  PRIVATE_BUCKET_TLS_ONLY,
  PRIVATE_BUCKET_PUBLIC_ACCESS_BLOCK,
  PRIVATE_BUCKET_ENDPOINTS_ONLY,
  TRANSFER_SERVER_IN_VPC,
  TRANSFER_SERVER_CURRENT_POLICY,
  TRANSFER_SERVER_LOGGING,
  INSTANCE_IMDSV2,
  ENCRYPTED_VOLUMES,
  NO_PUBLIC_IP,
  VPC_FLOW_LOGS,
  LOG_GROUP_RETENTION_AND_KEY,
  ENCRYPTED_TOPIC,
  MODERN_TLS_LISTENER,
  PRODUCTION_REMOTE_STATE,
  SERVICE_ROLE_CONFUSED_DEPUTY,
  PRODUCTION_PREVENT_DESTROY,
];

/**
 * Rules written and tested before the libraries complied, kept out of the default pack until then
 * (add them with `guardrails: { rules: PENDING_RULES }`). None today: every rule is in the pack.
 */
export const PENDING_RULES: readonly GuardrailRule[] = [];
