import { CloudwatchQueryDefinition } from '@cdktf/provider-aws/lib/cloudwatch-query-definition';
import { Testing, TerraformVariable } from 'cdktf';
import { FlowLogQueries, type FlowLogQueriesProps } from '../src/flow-log-queries';
import { devStack, synthJson } from './helpers';

function queries(props: Partial<FlowLogQueriesProps> = {}) {
  const stack = devStack();
  const construct = new FlowLogQueries(stack, 'Queries', { name: 'unit-dev/flow-logs', logGroupNames: ['/privatelink/unit-dev/flow-logs'], ...props });
  const definitions = Object.values(synthJson(stack).resource.aws_cloudwatch_query_definition);
  const byName = (name: string) => definitions.find((d) => d.name === `unit-dev/flow-logs/${name}`)?.query_string as string;
  return { stack, construct, definitions, byName };
}

describe('FlowLogQueries', () => {
  it('always saves the rejected and the accepted-or-rejected queries over the given log groups', () => {
    const { stack, construct, definitions, byName } = queries();
    expect(definitions).toHaveLength(2);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchQueryDefinition, { name: 'unit-dev/flow-logs/rejected-by-source', log_group_names: ['/privatelink/unit-dev/flow-logs'] });
    expect(byName('rejected-by-source')).toMatch(/filter action = "REJECT"\n\| stats count\(\*\) as flows by srcAddr, dstAddr, dstPort, interfaceId/);
    expect(byName('accepted-and-rejected-by-source')).toMatch(/by srcAddr, dstAddr, dstPort, interfaceId, action/);
    expect(Object.keys(construct.queryIds)).toEqual(['unit-dev/flow-logs/rejected-by-source', 'unit-dev/flow-logs/accepted-and-rejected-by-source']);
  });

  it('adds one query per endpoint and per source key: interfaces by ID list, sources by subnet', () => {
    const stack = devStack();
    const enis = new TerraformVariable(stack, 'enis', { type: 'list(string)' }).listValue;
    new FlowLogQueries(stack, 'Queries', {
      name: 'unit-dev/flow-logs', logGroupNames: ['/flow'],
      interfaces: { saas: enis, fixed: ['eni-0123456789abcdef0'] },
      sources: { 'acme-bank': ['10.8.0.0/16', '2001:db8::/56'] },
    });
    const definitions = Object.values(synthJson(stack).resource.aws_cloudwatch_query_definition);
    const query = (name: string) => definitions.find((d) => d.name === `unit-dev/flow-logs/${name}`)?.query_string;
    expect(query('interface/saas')).toBe('filter interfaceId in ${jsonencode(var.enis)}\n| stats count(*) as flows, sum(bytes) as bytes by srcAddr, dstAddr, dstPort, interfaceId, action\n| sort flows desc\n| limit 200');
    expect(query('interface/fixed')).toMatch(/^filter interfaceId in \["eni-0123456789abcdef0"\]\n/);
    expect(query('source/acme-bank')).toMatch(/^filter isIpInSubnet\(srcAddr, "10.8.0.0\/16"\) or isIpInSubnet\(srcAddr, "2001:db8::\/56"\)\n\| stats/);
  });

  it('checks names, log groups, keys, interfaces and CIDRs', () => {
    expect(() => queries({ name: '' })).toThrow(/'name' is ''/);
    expect(() => queries({ logGroupNames: [] })).toThrow(/'logGroupNames' is empty/);
    expect(() => queries({ logGroupNames: undefined })).toThrow(/'logGroupNames' is empty/);
    expect(() => queries({ interfaces: { Saas: ['eni-0123456789abcdef0'] } })).toThrow(/'interfaces' has key 'Saas'/);
    expect(() => queries({ interfaces: { saas: ['vpce-0123456789abcdef0'] } })).toThrow(/'interfaces.saas' has 'vpce-0123456789abcdef0'; give network interface IDs/);
    expect(() => queries({ interfaces: { saas: 'eni-0123456789abcdef0' as never } })).toThrow(/'interfaces.saas' is 'eni-0123456789abcdef0'; give a list/);
    expect(() => queries({ sources: { acme: [] } })).toThrow(/'sources.acme' is empty/);
    expect(() => queries({ sources: { acme: ['10.8.0.0'] } })).toThrow(/'sources.acme' has '10.8.0.0', which is not a CIDR block/);
    expect(() => new FlowLogQueries(devStack(), 'Q', undefined as never)).toThrow(/'props' is missing; pass the props object/);
  });
});
