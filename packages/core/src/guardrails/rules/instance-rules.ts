import type { GuardrailRule, ResourceProblem } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { blocksOf, booleanOf, isExpression } from '../synthesized-resource';

const IMDS_FIX = "set metadata_options { http_tokens = 'required' } (IMDSv2 only)";

export const INSTANCE_IMDSV2: GuardrailRule = resourceRule(
  'PL-EC2-1',
  'Instances require IMDSv2 tokens, which stop SSRF and open proxies from reading role credentials.',
  ['aws_instance', 'aws_launch_template'],
  (resource) => {
    const options = blocksOf(resource.attributes.metadata_options)[0];
    // An instance launched from a template (only instances have launch_template) inherits its options; templates are judged themselves.
    if (!options && resource.attributes.launch_template !== undefined) return undefined;
    const tokens = options?.http_tokens;
    if (tokens === 'required' || isExpression(tokens)) return undefined;
    return { problem: `'metadata_options.http_tokens' is ${tokens === undefined ? 'not set' : JSON.stringify(tokens)}, so IMDSv1 answers without a token`, fix: IMDS_FIX };
  },
);

const ENCRYPT_FIX = 'set encrypted = true (with a customer managed kms_key_id where required)';

function unencrypted(value: unknown): boolean {
  return booleanOf(value) === false || booleanOf(value) === undefined;
}

export const ENCRYPTED_VOLUMES: GuardrailRule = resourceRule(
  'PL-EC2-2',
  'Every EBS volume is encrypted, so snapshots and detached volumes do not leak data.',
  ['aws_instance', 'aws_launch_template', 'aws_ebs_volume'],
  (resource) => {
    const problems: ResourceProblem[] = [];
    const a = resource.attributes;
    if (resource.type === 'aws_ebs_volume') {
      if (unencrypted(a.encrypted)) problems.push({ problem: "'encrypted' is not true", fix: ENCRYPT_FIX });
    } else if (resource.type === 'aws_instance') {
      const root = blocksOf(a.root_block_device)[0];
      if (root ? unencrypted(root.encrypted) : a.launch_template === undefined) {
        problems.push({ problem: "'root_block_device.encrypted' is not true, so the root volume is unencrypted unless the account default says otherwise", fix: ENCRYPT_FIX });
      }
      blocksOf(a.ebs_block_device).forEach((device) => {
        if (unencrypted(device.encrypted)) problems.push({ problem: `'ebs_block_device' ${JSON.stringify(device.device_name ?? '')} is not encrypted`, fix: ENCRYPT_FIX });
      });
    } else {
      blocksOf(a.block_device_mappings).forEach((mapping) => {
        const ebs = blocksOf(mapping.ebs)[0];
        if (ebs && unencrypted(ebs.encrypted)) problems.push({ problem: `'block_device_mappings' ${JSON.stringify(mapping.device_name ?? '')} is not encrypted`, fix: ENCRYPT_FIX });
      });
    }
    return problems;
  },
);

const PUBLIC_IP_FIX = 'keep instances in private subnets without public addresses; reach them through Session Manager, a load balancer or an endpoint';

export const NO_PUBLIC_IP: GuardrailRule = resourceRule(
  'PL-EC2-3',
  'Instances on the private path have no public IP address.',
  ['aws_instance', 'aws_launch_template', 'aws_eip', 'aws_eip_association'],
  (resource, context) => {
    const a = resource.attributes;
    switch (resource.type) {
      case 'aws_instance':
        return booleanOf(a.associate_public_ip_address) === true ? { problem: "'associate_public_ip_address' is true", fix: PUBLIC_IP_FIX } : undefined;
      case 'aws_launch_template':
        return blocksOf(a.network_interfaces).some((ni) => booleanOf(ni.associate_public_ip_address) === true)
          ? { problem: "'network_interfaces.associate_public_ip_address' is true", fix: PUBLIC_IP_FIX }
          : undefined;
      default: {
        const [instance] = context.referenced(resource.type === 'aws_eip' ? a.instance : a.instance_id, 'aws_instance');
        return instance ? { problem: `attaches an Elastic IP to ${instance.address}`, fix: PUBLIC_IP_FIX } : undefined;
      }
    }
  },
);
