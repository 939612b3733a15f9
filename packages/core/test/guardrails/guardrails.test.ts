import * as fs from 'node:fs';
import * as path from 'node:path';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Lazy, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { EncryptedLogGroup } from '../../src/encrypted-log-group';
import { resourceRule, type GuardrailRule } from '../../src/guardrails/guardrail-rule';
import { Guardrails } from '../../src/guardrails/guardrails';
import { PENDING_RULES, PRIVATELINK_RULES } from '../../src/guardrails/pack';
import { ENCRYPTED_TOPIC } from '../../src/guardrails/rules/topic-rules';
import { PrivateNetwork } from '../../src/private-network';
import { DedicatedSecurityGroup } from '../../src/security-group';
import { assertBadInput } from '../../src/testing/bad-input';
import { findingsOf, guardedStack, synthesizeToFile } from './helpers';

const REASON = 'Accepted in review: events carry no customer data';

function unencryptedTopic(scope: Construct, id = 'Topic'): SnsTopic {
  return new SnsTopic(scope, id, { name: id.toLowerCase() });
}

describe('Guardrails', () => {
  it('fails the synth with one message that lists every finding with its rule, path, problem and fix', () => {
    const stack = guardedStack();
    unencryptedTopic(stack);
    new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    let message = '';
    try {
      synthesizeToFile(stack);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Guardrails found 2 unsuppressed problems in stack 'guard-dev'/);
    expect(message).toMatch(/\[PL-VPC-1\] guard-dev\/Vpc \(aws_vpc\.Vpc\): no aws_flow_log .*\. Fix: add flow logs/);
    expect(message).toMatch(/\[PL-SNS-1\] guard-dev\/Topic \(aws_sns_topic\.Topic\): 'kms_master_key_id' is not set.*\. Fix: give the topic/);
    expect(message).toMatch(/suppress\(\{ ruleId, path, reason \}\)/);
  });

  it('writes the message one finding a line, indented, between a heading and the way to accept one', () => {
    const stack = guardedStack();
    unencryptedTopic(stack);
    let message = '';
    try {
      synthesizeToFile(stack);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    const heading = lines.findIndex((line) => line.endsWith("Guardrails found 1 unsuppressed problem in stack 'guard-dev':"));
    expect(lines.slice(heading + 1, heading + 3)).toEqual([
      "  [PL-SNS-1] guard-dev/Topic (aws_sns_topic.Topic): 'kms_master_key_id' is not set, so messages are stored unencrypted. Fix: give the topic a customer managed KMS key that the publishing services may use.",
      'Fix each one, or accept it with Guardrails.of(stack).suppress({ ruleId, path, reason }) (EnvironmentStack: the guardrails.suppressions prop) and a reason a reviewer will accept.',
    ]);
  });

  it('gives findings as plain records: unsuppressed ones carry no suppression at all', () => {
    const stack = guardedStack();
    unencryptedTopic(stack);
    unencryptedTopic(stack, 'Accepted');
    Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-1', path: 'Accepted', reason: REASON });
    const problem = "'kms_master_key_id' is not set, so messages are stored unencrypted";
    const fix = 'give the topic a customer managed KMS key that the publishing services may use';
    expect(Guardrails.of(stack).findings()).toStrictEqual([
      { ruleId: 'PL-SNS-1', path: 'guard-dev/Topic', address: 'aws_sns_topic.Topic', problem, fix },
      { ruleId: 'PL-SNS-1', path: 'guard-dev/Accepted', address: 'aws_sns_topic.Accepted', problem, fix, suppression: { ruleId: 'PL-SNS-1', path: 'guard-dev/Accepted', reason: REASON, source: 'stack' } },
    ]);
  });

  it('judges only the resources of its own stack, not those of a stack nested in it', () => {
    const outer = new TerraformStack(Testing.app(), 'outer');
    unencryptedTopic(new TerraformStack(outer, 'inner'));
    unencryptedTopic(outer, 'Own');
    expect(Guardrails.of(outer).findings().map((f) => f.path)).toEqual(['outer/Own']);
  });

  it('forgets a verdict it gave once rules or suppressions change', () => {
    const stack = new TerraformStack(Testing.app(), 'changing');
    unencryptedTopic(stack);
    const pack = Guardrails.of(stack).suppress({ ruleId: 'ACME-2', path: 'Topic', reason: REASON });
    const suppressed = () => (stack.toTerraform() as { '//': { guardrails: { suppressions: Array<{ ruleId: string; suppressed: string[] }> } } })['//'].guardrails.suppressions.map((s) => [s.ruleId, s.suppressed]);
    expect(pack.findings().map((f) => f.ruleId)).toEqual(['PL-SNS-1']);
    pack.suppress({ ruleId: 'PL-SNS-1', path: 'Topic', reason: REASON });
    expect(suppressed()).toEqual([['ACME-2', []], ['PL-SNS-1', ['aws_sns_topic.Topic']]]);
    pack.addRule(resourceRule('ACME-2', 'Every topic is reviewed by hand.', ['aws_sns_topic'], () => ({ problem: 'is a topic', fix: 'review it' })));
    expect(suppressed()).toEqual([['ACME-2', ['aws_sns_topic.Topic']], ['PL-SNS-1', ['aws_sns_topic.Topic']]]);
  });

  it('fails App.synth, the path `cdktf synth` takes', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'plain');
    Guardrails.of(stack);
    unencryptedTopic(stack);
    expect(() => app.synth()).toThrow(/\[PL-SNS-1\] plain\/Topic/);
  });

  it('runs in validation, so Testing.synth without validations still synthesizes', () => {
    const stack = guardedStack();
    unencryptedTopic(stack);
    expect(() => Testing.synth(stack)).not.toThrow();
    expect(() => Testing.synth(stack, true)).toThrow(/PL-SNS-1/);
  });

  it('judges the tree as it is at each synth', () => {
    const stack = guardedStack();
    expect(() => synthesizeToFile(stack)).not.toThrow();
    unencryptedTopic(stack);
    expect(() => synthesizeToFile(stack)).toThrow(/PL-SNS-1/);
  });

  it('is one pack per stack however often it is asked for: each finding is reported once', () => {
    const stack = guardedStack();
    expect(Guardrails.of(stack)).toBe(Guardrails.of(unencryptedTopic(stack)));
    Guardrails.of(stack);
    expect(Guardrails.of(stack).findings()).toHaveLength(1);
    let message = '';
    try {
      synthesizeToFile(stack);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/found 1 unsuppressed problem/);
    expect(message.match(/\[PL-SNS-1\]/g)).toHaveLength(1);
  });

  it('reads only the resources its rules judge, so a resource no rule reads is never resolved', () => {
    const stack = guardedStack();
    unencryptedTopic(stack);
    // No rule of the pack reads route tables; resolving this one would throw.
    new RouteTable(stack, 'Routes', { vpcId: 'vpc-0123456789abcdef0' }).addOverride(
      'tags',
      Lazy.anyValue({
        produce: () => {
          throw new Error('a route table was resolved');
        },
      }),
    );
    expect(Guardrails.of(stack).findings().map((f) => f.ruleId)).toEqual(['PL-SNS-1']);
  });

  it('lets a construct acknowledge a rule by its constant, and records opt-ins no rule judges', () => {
    class PublicFeed extends Construct {
      constructor(scope: Construct, id: string) {
        super(scope, id);
        Guardrails.acknowledge(this, ENCRYPTED_TOPIC, 'publicFeed: true was set, so the topic carries no customer data');
        Guardrails.recordOptIn(this, 'publicFeed', 'the topic is readable by every subscriber');
        unencryptedTopic(this);
      }
    }
    const stack = guardedStack();
    new PublicFeed(stack, 'Feed');
    const record = synthesizeToFile(stack)['//'].guardrails;
    expect(record.suppressions).toEqual([expect.objectContaining({ ruleId: 'PL-SNS-1', path: 'guard-dev/Feed', source: 'construct', suppressed: [expect.stringMatching(/^aws_sns_topic\.Feed_Topic_/)] })]);
    expect(record.optIns).toEqual([{ path: 'guard-dev/Feed', optIn: 'publicFeed', detail: 'the topic is readable by every subscriber' }]);
  });

  it('trims what a construct acknowledges, as it trims suppressions', () => {
    const stack = guardedStack();
    const feed = new Construct(stack, 'Feed');
    Guardrails.acknowledge(feed, ' PL-SNS-1 ', '  publicFeed: true was set by the user  ');
    unencryptedTopic(feed);
    expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([
      { ruleId: 'PL-SNS-1', path: 'guard-dev/Feed', reason: 'publicFeed: true was set by the user', source: 'construct', suppressed: [expect.stringMatching(/^aws_sns_topic\.Feed_Topic_[0-9A-F]+$/)] },
    ]);
  });

  it.each([
    { name: 'no rule', run: () => Guardrails.acknowledge(new Construct(guardedStack(), 'Feed'), undefined as unknown as string, REASON), field: 'acknowledge.ruleId', value: 'is empty', fix: /name the rule to suppress/ },
    { name: 'a short reason', run: () => Guardrails.acknowledge(new Construct(guardedStack(), 'Feed'), ENCRYPTED_TOPIC, 'ok'), field: 'acknowledge.reason', value: "is 'ok'", fix: /at least 10 characters/ },
  ])('refuses an acknowledgement with $name', (c) => assertBadInput(c));

  it('accepts an acknowledgement on the root of the app, whose path is empty', () => {
    expect(() => Guardrails.acknowledge(Testing.app(), ENCRYPTED_TOPIC, 'the whole app publishes public feeds')).not.toThrow();
  });

  it('writes no optIns when there are none', () => {
    expect(synthesizeToFile(guardedStack())['//'].guardrails.optIns).toBeUndefined();
  });

  it('knows production from the stack', () => {
    expect(Guardrails.of(guardedStack({ production: true })).production).toBe(true);
    expect(Guardrails.of(guardedStack()).production).toBe(false);
  });

  it('passes the core constructs as they are', () => {
    const stack = guardedStack();
    const network = new PrivateNetwork(stack, 'Network', { name: 'guard-dev', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2'] });
    new DedicatedSecurityGroup(stack, 'Api', { vpcId: network.vpcId, name: 'api', description: 'api', ingress: [{ ports: [443], cidrs: [...network.cidrBlocks] }] });
    new EncryptedLogGroup(stack, 'Logs', { logGroupName: '/guard/app' });
    expect(Guardrails.of(stack).findings()).toEqual([]);
    expect(() => synthesizeToFile(stack)).not.toThrow();
  });

  describe('suppressions', () => {
    it('cover the construct and everything under it, by relative or absolute path', () => {
      const stack = guardedStack();
      const group = new Construct(stack, 'Notifications');
      unencryptedTopic(group, 'Created');
      unencryptedTopic(group, 'Deleted');
      unencryptedTopic(stack, 'Other');
      Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-1', path: 'Notifications', reason: REASON });
      expect(findingsOf(stack, 'PL-SNS-1').filter((f) => !f.suppression).map((f) => f.path)).toEqual(['guard-dev/Other']);
      Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-1', path: 'guard-dev/Other', reason: REASON });
      expect(() => synthesizeToFile(stack)).not.toThrow();
    });

    it('do not cover a sibling whose name starts the same', () => {
      const stack = guardedStack();
      unencryptedTopic(stack, 'Topic');
      unencryptedTopic(stack, 'Topic2');
      Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-1', path: 'Topic', reason: REASON });
      expect(() => synthesizeToFile(stack)).toThrow(/guard-dev\/Topic2/);
    });

    it('cover only the rule they name', () => {
      const stack = guardedStack();
      unencryptedTopic(stack);
      Guardrails.of(stack).suppress({ ruleId: 'PL-LOG-1', path: 'Topic', reason: REASON });
      expect(() => synthesizeToFile(stack)).toThrow(/\[PL-SNS-1\]/);
    });

    it('are written to cdk.tf.json with what they covered, next to the rules that ran', () => {
      const stack = guardedStack();
      unencryptedTopic(stack);
      Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-1', path: 'Topic', reason: `  ${REASON} ` });
      const record = synthesizeToFile(stack)['//'].guardrails;
      expect(record.rules).toEqual(PRIVATELINK_RULES.map((rule) => rule.id));
      expect(record.suppressions).toEqual([{ ruleId: 'PL-SNS-1', path: 'guard-dev/Topic', reason: REASON, source: 'stack', suppressed: ['aws_sns_topic.Topic'] }]);
    });

    it('are recorded even when nothing matches any more (a reviewer sees stale ones)', () => {
      const stack = guardedStack();
      Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-1', path: 'Gone', reason: REASON });
      expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([expect.objectContaining({ path: 'guard-dev/Gone', suppressed: [] })]);
    });

    it.each([
      ['reason', { ruleId: 'PL-SNS-1', path: 'Topic', reason: '' }],
      ['reason', { ruleId: 'PL-SNS-1', path: 'Topic', reason: 'because' }],
      ['ruleId', { ruleId: ' ', path: 'Topic', reason: REASON }],
      ['path', { ruleId: 'PL-SNS-1', path: '', reason: REASON }],
    ])("need a real '%s'", (field, suppression) => {
      expect(() => Guardrails.of(guardedStack()).suppress(suppression)).toThrow(new RegExp(`'guardrails\\.suppressions\\[0\\]\\.${field}'`));
    });

    it('fail the synth when they name a rule that is not in the pack', () => {
      const stack = guardedStack();
      Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-9', path: 'Topic', reason: REASON });
      const ids = PRIVATELINK_RULES.map((rule) => rule.id).join(', ');
      expect(() => synthesizeToFile(stack)).toThrow(`\n  [PL-SNS-9] guard-dev/Topic: a suppression names rule 'PL-SNS-9', which is not in the pack. Fix: use one of ${ids}.\n`);
    });

    it('are trimmed', () => {
      const stack = guardedStack();
      unencryptedTopic(stack);
      Guardrails.of(stack).suppress({ ruleId: ' PL-SNS-1 ', path: ' Topic ', reason: REASON });
      expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([{ ruleId: 'PL-SNS-1', path: 'guard-dev/Topic', reason: REASON, source: 'stack', suppressed: ['aws_sns_topic.Topic'] }]);
    });

    it('are numbered across calls in errors', () => {
      const pack = Guardrails.of(guardedStack()).suppress({ ruleId: 'PL-SNS-1', path: 'Topic', reason: REASON });
      expect(() => pack.suppress({ ruleId: 'PL-SNS-1', path: 'Other', reason: REASON }, { ruleId: 'PL-SNS-1', path: 'Third', reason: 'short' })).toThrow(
        /'guardrails\.suppressions\[2\]\.reason' is 'short'/,
      );
    });
  });

  describe('rules of your own', () => {
    const noDefaultVpcTag: GuardrailRule = resourceRule('ACME-1', 'Every VPC carries an owner tag.', ['aws_vpc'], (vpc) =>
      (vpc.attributes.tags as Record<string, string> | undefined)?.owner ? undefined : { problem: "'tags.owner' is missing", fix: 'tag the VPC with its owning team' },
    );

    it('run with the pack and fail the synth by their ID', () => {
      const stack = guardedStack();
      Guardrails.of(stack).addRule(noDefaultVpcTag).suppress({ ruleId: 'PL-VPC-1', path: 'Vpc', reason: 'Flow logs live in the network account' });
      new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      expect(() => synthesizeToFile(stack)).toThrow(/\[ACME-1\] guard-dev\/Vpc \(aws_vpc\.Vpc\): 'tags\.owner' is missing\. Fix: tag the VPC/);
      expect(Guardrails.of(stack).rules.map((rule) => rule.id)).toContain('ACME-1');
    });

    it('see the synthesized attributes, overrides included', () => {
      const stack = guardedStack();
      Guardrails.of(stack).addRule(noDefaultVpcTag).suppress({ ruleId: 'PL-VPC-1', path: 'Vpc', reason: 'Flow logs live in the network account' });
      new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' }).addOverride('tags.owner', 'network-team');
      expect(() => synthesizeToFile(stack)).not.toThrow();
    });

    it.each([
      ['an ID already taken', { ...noDefaultVpcTag, id: 'PL-SNS-1' }, /'PL-SNS-1' twice/],
      ['a malformed ID', { ...noDefaultVpcTag, id: 'acme 1' }, /rule ID 'acme 1'/],
      ['no rationale', { ...noDefaultVpcTag, rationale: '' }, /without a rationale/],
    ])('are refused with %s', (_name, rule, error) => {
      expect(() => Guardrails.of(guardedStack()).addRule(rule)).toThrow(error);
    });

    const addRule = (rule: Partial<GuardrailRule>) => () => Guardrails.of(guardedStack()).addRule({ ...noDefaultVpcTag, ...rule } as GuardrailRule);

    it.each([
      { name: 'an ID taken by the pack', run: addRule({ id: 'PL-SNS-1' }), field: 'guardrails.rules', value: "has rule ID 'PL-SNS-1' twice", fix: /give every rule its own ID/ },
      { name: 'an ID with a space', run: addRule({ id: 'acme 1' }), field: 'guardrails.rules', value: "has rule ID 'acme 1'", fix: /use letters, digits and hyphens, for example 'ACME-1'/ },
      { name: 'no ID', run: addRule({ id: undefined }), field: 'guardrails.rules', value: 'has rule ID undefined', fix: /letters, digits and hyphens/ },
      { name: 'a numeric ID', run: addRule({ id: 7 as unknown as string }), field: 'guardrails.rules', value: 'has rule ID 7', fix: /letters, digits and hyphens/ },
      { name: 'a blank rationale', run: addRule({ id: 'ACME-9', rationale: '  ' }), field: 'guardrails.rules', value: "has rule 'ACME-9' without a rationale", fix: /say in one line why the rule exists/ },
      { name: 'no rationale', run: addRule({ id: 'ACME-9', rationale: undefined }), field: 'guardrails.rules', value: "has rule 'ACME-9' without a rationale", fix: /say in one line why the rule exists/ },
    ])('are refused with $name', (c) => assertBadInput(c));

    it.each(['ACME-1', 'acme-12', 'X', 'ACME1', 'Acme-Beta-X9', 'a-b-c'])('accept the ID %s', (id) => {
      expect(Guardrails.of(guardedStack()).addRule({ ...noDefaultVpcTag, id }).rules.map((rule) => rule.id)).toContain(id);
    });

    it.each(['1-ACME', '-ACME', 'ACME-', 'ACME--1', 'ACME_1', 'ACME-1!', ' ACME', 'ACME.1', ''])('refuse the ID %j', (id) => {
      expect(addRule({ id })).toThrow(/'guardrails\.rules' has rule ID/);
    });

    it('see every resource of the stack, and nothing that is not a resource', () => {
      const stack = new TerraformStack(Testing.app(), 'whole');
      new Construct(stack, 'Group');
      unencryptedTopic(stack);
      new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const inventory: GuardrailRule = {
        id: 'ACME-3',
        rationale: 'The stack holds what the inventory lists.',
        check: (context) => [{ resource: { path: context.stack.node.path, address: 'inventory' }, problem: context.resources.map((r) => r.address).join(' '), fix: 'none' }],
      };
      expect(Guardrails.of(stack).addRule(inventory).findings().find((f) => f.ruleId === 'ACME-3')?.problem).toBe('aws_sns_topic.Topic aws_vpc.Vpc');
    });
  });

  it('keeps synthesized JSON byte-identical across synths', () => {
    const build = () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'same');
      Guardrails.of(stack).suppress({ ruleId: 'PL-SNS-1', path: 'Topic', reason: REASON });
      unencryptedTopic(stack);
      return stack;
    };
    expect(JSON.stringify(build().toTerraform())).toEqual(JSON.stringify(build().toTerraform()));
  });
});

describe('the guardrails README', () => {
  it('lists every rule of the pack, then every pending rule, with its rationale', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../src/guardrails/README.md'), 'utf8');
    const table = readme.split('\n').filter((line) => /^\| `[A-Z]/.test(line));
    expect(table).toEqual([...PRIVATELINK_RULES, ...PENDING_RULES].map((rule) => `| \`${rule.id}\` | ${rule.rationale} |`));
  });
});
