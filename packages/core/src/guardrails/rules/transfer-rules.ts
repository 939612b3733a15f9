import { isCurrentTransferSecurityPolicy, MIN_TRANSFER_SECURITY_POLICY } from '../../aws/security-policies';
import type { GuardrailRule } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { isExpression, stringsOf } from '../synthesized-resource';

export const TRANSFER_SERVER_IN_VPC: GuardrailRule = resourceRule(
  'PL-TF-1',
  'An SFTP server for private access lives in a VPC behind security groups, not on a public AWS endpoint.',
  ['aws_transfer_server'],
  (server) => {
    const type = server.attributes.endpoint_type ?? 'PUBLIC';
    if (type === 'VPC' || isExpression(type)) return undefined;
    return {
      problem: `'endpoint_type' is ${JSON.stringify(type)}${server.attributes.endpoint_type === undefined ? ' (the default)' : ''}, so the server is not inside a VPC`,
      fix: "set endpoint_type = 'VPC' with endpoint_details (subnets, security groups)",
    };
  },
);

export const TRANSFER_SERVER_CURRENT_POLICY: GuardrailRule = resourceRule(
  'PL-TF-2',
  'An SFTP server offers only current ciphers and key exchanges.',
  ['aws_transfer_server'],
  (server) => {
    const name = server.attributes.security_policy_name ?? 'TransferSecurityPolicy-2018-11';
    if (isExpression(name)) return undefined;
    if (isCurrentTransferSecurityPolicy(String(name))) return undefined;
    return {
      problem: `'security_policy_name' is ${JSON.stringify(name)}${server.attributes.security_policy_name === undefined ? ' (the default)' : ''}, older than ${MIN_TRANSFER_SECURITY_POLICY} or not a Transfer Family security policy`,
      fix: `use ${MIN_TRANSFER_SECURITY_POLICY} or newer (for example TransferSecurityPolicy-FIPS-2024-01)`,
    };
  },
);

export const TRANSFER_SERVER_LOGGING: GuardrailRule = resourceRule(
  'PL-TF-3',
  'Every SFTP session and file operation is logged, so access to the data can be audited.',
  ['aws_transfer_server'],
  (server) => {
    const role = server.attributes.logging_role;
    const destinations = stringsOf(server.attributes.structured_log_destinations);
    // An expression for the destinations is a string, so it counts as one.
    if ((typeof role === 'string' && role !== '') || destinations.length > 0) return undefined;
    return {
      problem: "neither 'logging_role' nor 'structured_log_destinations' is set, so sessions are not logged",
      fix: 'send structured logs to an encrypted log group (structured_log_destinations), or give a logging_role',
    };
  },
);
