import { countChanges, mermaidId, mermaidLabel, renderMarkdown, reviewChanges, summarizePlan, type PlanJson, type PlanResourceChange } from '../src';

// Hand-written `terraform show -json` fragments for what an offline plan from empty state never
// has: replacements, deletes, updates, moves and unchanged resources.
const rc = (address: string, actions: PlanResourceChange['change']['actions'], extra: Partial<PlanResourceChange> = {}, after: Record<string, unknown> | null = {}): PlanResourceChange => ({
  address,
  mode: address.startsWith('data.') ? 'data' : 'managed',
  type: address.replace(/^data\./, '').split('.')[0],
  name: address.split('.').slice(-1)[0],
  ...extra,
  change: { actions, before: actions.includes('create') && !actions.includes('delete') ? null : {}, after, ...extra.change },
});

const plan: PlanJson = {
  format_version: '1.2',
  terraform_version: '1.11.4',
  resource_changes: [
    rc('aws_vpc_endpoint_service.Service_EndpointService_1', ['delete', 'create'], {
      action_reason: 'replace_because_cannot_update',
      change: { actions: ['delete', 'create'], replace_paths: [['network_load_balancer_arns'], ['tags', 'Name'], ['subnet_mapping', 0, 'subnet_id']] },
    }),
    rc('aws_lb.Service_Nlb_2', ['create', 'delete'], { action_reason: 'replace_because_tainted' }, { load_balancer_type: 'network', name: 'svc' }),
    rc('aws_vpc_endpoint_service_allowed_principal.Tenant_bank_3', ['delete'], { action_reason: 'delete_because_no_resource_config' }, null),
    rc('aws_lb_listener.Service_Listener_4', ['update']),
    rc('aws_s3_bucket.Logs_5', ['create']),
    rc('aws_subnet.Network_Subnet_6', ['no-op']),
    rc('aws_vpc.Network_Vpc_7', ['no-op'], { previous_address: 'aws_vpc.OldName_7' }),
    rc('data.aws_iam_policy_document.Policy_8', ['read']),
    rc('aws_kms_key.Key_9', ['delete']),
  ],
};

describe('counts', () => {
  const counts = countChanges(reviewChanges(plan));

  it('counts a replacement as one add and one destroy, in either order of actions', () => {
    expect(counts).toEqual({ add: 3, change: 1, destroy: 4, replace: 2 });
  });

  it('counts nothing for reads and unchanged resources', () => {
    const quiet = countChanges(reviewChanges({ resource_changes: [rc('aws_vpc.a', ['no-op']), rc('data.aws_region.r', ['read'])] }));
    expect(quiet).toEqual({ add: 0, change: 0, destroy: 0, replace: 0 });
  });
});

describe('the Markdown summary', () => {
  const summary = summarizePlan('saas-provider-prod', plan);
  const markdown = renderMarkdown(summary);
  const section = (title: string): string => markdown.split(/^### /m).find((s) => s.startsWith(title)) ?? '';

  it('has the stack in the title and the counts first', () => {
    const [title, , counts] = markdown.split('\n');
    expect(title).toBe('## Terraform plan: `saas-provider-prod`');
    expect(counts).toBe('**3 to add, 1 to change, 4 to destroy** (2 replacements, counted in both)');
  });

  it('calls out replacements and destroys above everything else, with the reason', () => {
    const risky = section('⚠️ Replacements and destroys');
    expect(markdown.indexOf('⚠️ Replacements and destroys')).toBeLessThan(markdown.indexOf('### Resources'));
    expect(risky).toContain(
      '| -/+ replace | `aws_vpc_endpoint_service.Service_EndpointService_1` | an argument that cannot be updated in place changed; forced by `network_load_balancer_arns`, `tags.Name`, `subnet_mapping[0].subnet_id` |',
    );
    expect(risky).toContain('| -/+ replace | `aws_lb.Service_Nlb_2` | the resource is tainted |');
    expect(risky).toContain('| - destroy | `aws_vpc_endpoint_service_allowed_principal.Tenant_bank_3` | the resource is no longer in the configuration |');
    expect(risky).toContain('| - destroy | `aws_kms_key.Key_9` | removed from the configuration |');
    expect(risky).not.toContain('aws_lb_listener');
    expect(risky).not.toContain('aws_s3_bucket');
  });

  it('lists every address with its action, dangerous ones first', () => {
    const resources = section('Resources');
    const rows = resources.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| action') && !l.startsWith('| ---'));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual([
      '| -/+ replace',
      '| -/+ replace',
      '| - destroy',
      '| - destroy',
      '| ~ update',
      '| + create',
      '| <= read',
      '| no change',
      '| no change',
    ]);
    for (const change of plan.resource_changes!) expect(resources).toContain(`\`${change.address}\``);
    expect(resources).toContain('moved from `aws_vpc.OldName_7`');
    expect(resources).toMatch(/<details><summary>1 unchanged<\/summary>[\s\S]*aws_subnet\.Network_Subnet_6[\s\S]*<\/details>/);
  });

  it('leaves the warning section out of a plan with nothing to replace or destroy', () => {
    const calm = renderMarkdown(summarizePlan('tenant-consumer-dev', { resource_changes: [rc('aws_vpc.a', ['create']), rc('aws_subnet.b', ['update'])] }));
    expect(calm).toContain('**1 to add, 1 to change, 0 to destroy**\n');
    expect(calm).not.toContain('Replacements and destroys');
  });

  it('puts notes about how the plan was made, and an errored plan, right under the counts', () => {
    const noted = renderMarkdown(summarizePlan('x-dev', { errored: true, resource_changes: [rc('aws_vpc.a', ['create'])] }, { notes: ['Planned offline.'] }));
    expect(noted).toContain('**1 to add, 0 to change, 0 to destroy**\n\n> Planned offline.\n\n> ❌ Terraform reported errors: this plan is incomplete.\n\n### Resources');
  });

  it('says so when nothing changes', () => {
    const none = renderMarkdown(summarizePlan('tenant-consumer-dev', { resource_changes: [rc('aws_vpc.a', ['no-op'])] }));
    expect(none).toContain('**0 to add, 0 to change, 0 to destroy**');
    expect(none).toContain('No changes: the infrastructure matches the configuration.');
  });

  it('keeps table cells intact when an address holds a pipe or a backtick', () => {
    const odd = renderMarkdown(summarizePlan('x-dev', { resource_changes: [rc('aws_s3_bucket.b["a|b`c"]', ['create'])] }));
    expect(odd).toContain("| + create | `aws_s3_bucket.b[\"a\\|b'c\"]` |");
  });

  it('draws the topology and marks replaced and deleted nodes', () => {
    expect(summary.mermaid).toBeDefined();
    expect(markdown).toContain('```mermaid\nflowchart LR\n');
    expect(summary.mermaid).toContain(`${mermaidId('aws_lb.Service_Nlb_2')}["NLB<br/>svc<br/>⚠ replace"]`);
    expect(summary.mermaid).toMatch(new RegExp(`class [^\\n]*${mermaidId('aws_lb.Service_Nlb_2')}[^\\n]* replace`));
  });
});

describe('Mermaid safety', () => {
  it('makes IDs of letters, digits and underscores that are never keywords', () => {
    for (const address of ['aws_s3_bucket.b["a b"]', 'module.x.aws_vpc.end', 'end', '1abc', 'aws_lb.a-b.c[0]']) {
      const id = mermaidId(address);
      expect(id).toMatch(/^r_[A-Za-z0-9_]+$/);
    }
  });

  it('escapes quotes, angle brackets, ampersands, hashes, pipes and backticks in labels', () => {
    expect(mermaidLabel(['a "b" <c> & #d | `e`', 'second'])).toBe('"a #quot;b#quot; #lt;c#gt; #amp; #35;d #124; #96;e#96;<br/>second"');
  });

  it('gives colliding addresses distinct IDs', () => {
    const topology = summarizePlan('x-dev', {
      resource_changes: [
        rc('aws_s3_bucket.a-b', ['create'], {}, { bucket: 'one' }),
        rc('aws_s3_bucket.a_b', ['create'], {}, { bucket: 'two' }),
      ],
    }).mermaid!;
    const ids = [...topology.matchAll(/^\s+(r_\w+)\[/gm)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('puts an endpoint outside any VPC on the consumer side', () => {
    const mermaid = summarizePlan('x-dev', {
      resource_changes: [rc('aws_vpc_endpoint.Ssm', ['create'], {}, { vpc_endpoint_type: 'Interface', service_name: 'com.amazonaws.ap-northeast-1.ssm' })],
    }).mermaid!;
    expect(mermaid).toContain('subgraph side_consumer["Consumer side"]\n    r_aws_vpc_endpoint_Ssm["Interface endpoint<br/>ssm"]\n  end');
  });

  it('draws nothing for a plan with no known resource types', () => {
    const summary = summarizePlan('x-dev', { resource_changes: [rc('aws_kms_key.k', ['create']), rc('aws_iam_role.r', ['create'])] });
    expect(summary.mermaid).toBeUndefined();
    expect(renderMarkdown(summary)).toContain('Nothing in this plan belongs to the PrivateLink topology.');
  });
});
