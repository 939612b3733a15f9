import { CloudwatchQueryDefinition } from '@cdktf/provider-aws/lib/cloudwatch-query-definition';
import { DefaultTokenResolver, StringConcat, Testing, TerraformVariable, Token, Tokenization } from 'cdktf';
import { FlowLogQueries, type FlowLogQueriesProps } from '../src/flow-log-queries';
import { assertBadInput, type BadInputCase } from '../src/testing';
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

describe('FlowLogQueries definitions', () => {
  const stack = devStack();
  const construct = new FlowLogQueries(stack, 'Queries', {
    name: 'unit-dev/flow-logs',
    logGroupNames: ['/a', '/b'],
    interfaces: { saas: ['eni-0123456789abcdef0', 'eni-0fedcba9876543210'] },
    sources: { dc: ['10.9.0.0/16'] },
  });
  const resources = synthJson(stack).resource.aws_cloudwatch_query_definition;

  it('saves each query as its own resource, named by the query, over all the log groups', () => {
    expect(Object.keys(resources).map((id) => id.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'Queries_accepted-and-rejected-by-source',
      'Queries_interface-saas',
      'Queries_rejected-by-source',
      'Queries_source-dc',
    ]);
    expect(Object.values(resources).map((d) => d.log_group_names)).toEqual([['/a', '/b'], ['/a', '/b'], ['/a', '/b'], ['/a', '/b']]);
  });

  it('writes the rejected query in full', () => {
    const rejected = Object.values(resources).find((d) => d.name === 'unit-dev/flow-logs/rejected-by-source');
    expect(rejected?.query_string).toBe(
      'fields @timestamp, srcAddr, dstAddr, dstPort, interfaceId\n| filter action = "REJECT"\n| stats count(*) as flows by srcAddr, dstAddr, dstPort, interfaceId\n| sort flows desc\n| limit 200',
    );
    const interfaces = Object.values(resources).find((d) => d.name === 'unit-dev/flow-logs/interface/saas');
    expect(interfaces?.query_string).toMatch(/^filter interfaceId in \["eni-0123456789abcdef0","eni-0fedcba9876543210"\]\n\| stats/);
  });

  it('exposes the query IDs by query name', () => {
    const resolved = Object.fromEntries(
      Object.entries(construct.queryIds).map(([name, id]) => [name, Tokenization.resolve(id, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) })]),
    );
    expect(resolved).toEqual({
      'unit-dev/flow-logs/rejected-by-source': expect.stringMatching(/^\$\{aws_cloudwatch_query_definition\.Queries_rejected-by-source_\w+\.query_definition_id\}$/),
      'unit-dev/flow-logs/accepted-and-rejected-by-source': expect.stringMatching(/^\$\{aws_cloudwatch_query_definition\.Queries_accepted-and-rejected-by-source_\w+\.query_definition_id\}$/),
      'unit-dev/flow-logs/interface/saas': expect.stringMatching(/^\$\{aws_cloudwatch_query_definition\.Queries_interface-saas_\w+\.query_definition_id\}$/),
      'unit-dev/flow-logs/source/dc': expect.stringMatching(/^\$\{aws_cloudwatch_query_definition\.Queries_source-dc_\w+\.query_definition_id\}$/),
    });
  });
});

describe('FlowLogQueries bad input', () => {
  const make = (props: Partial<FlowLogQueriesProps>) => () => queries(props);
  const cases: BadInputCase[] = [
    { name: 'a blank name', run: make({ name: '  ' }), field: 'name', value: "is '  '", fix: /^give the folder of the queries, for example tenant-consumer-prod\/flow-logs$/ },
    { name: 'a name that is a number (untyped JS)', run: make({ name: 5 as never }), field: 'name', value: 'is 5', fix: /folder of the queries/ },
    { name: 'no log groups', run: make({ logGroupNames: [] }), field: 'logGroupNames', value: 'is empty', fix: /^give the flow log group, for example PrivateNetwork\.flowLogs\.logGroupName$/ },
    { name: 'a source key with capitals', run: make({ sources: { Acme: ['10.8.0.0/16'] } }), field: 'sources', value: "'Acme'", fix: /./ },
    { name: 'interfaces not a list', run: make({ interfaces: { saas: 'eni-0123456789abcdef0' as never } }), field: 'interfaces.saas', value: "is 'eni-0123456789abcdef0'", fix: /^give a list of network interface IDs, for example endpoint\.networkInterfaceIds$/ },
    { name: 'no interfaces', run: make({ interfaces: { saas: [] } }), field: 'interfaces.saas', value: 'is empty', fix: /^give the interfaces, for example endpoint\.networkInterfaceIds$/ },
    { name: 'an endpoint ID for an interface', run: make({ interfaces: { saas: ['eni-0123456789abcdef0', 'vpce-0123456789abcdef0'] } }), field: 'interfaces.saas', value: "has 'vpce-0123456789abcdef0'", fix: /^give network interface IDs such as eni-0123456789abcdef0$/ },
    { name: 'no source blocks', run: make({ sources: { acme: [] } }), field: 'sources.acme', value: 'is empty', fix: /^give the CIDR blocks of the source, for example \["10\.8\.0\.0\/16"\]$/ },
    { name: 'a source known only at apply time', run: make({ sources: { acme: [Token.asString({ Ref: 'cidr' })] } }), field: 'sources.acme', value: 'has an unresolved value', fix: /^give literal CIDR blocks: they are written into the query$/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
