import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { terraformLiteral } from '../src/terraform-literal';

describe('terraformLiteral', () => {
  it('doubles the openers of template sequences and leaves the rest as written', () => {
    expect(terraformLiteral('echo ${HOME} %{if x} "q" \\n $5 %d {}')).toBe('echo $${HOME} %%{if x} "q" \\n $5 %d {}');
    expect(terraformLiteral('plain')).toBe('plain');
  });

  it('leaves the markers of tokens to cdktf, in a string that mixes both', () => {
    const stack = new TerraformStack(Testing.app(), 'literal');
    const variable = new TerraformVariable(stack, 'bucket', { type: 'string' });
    new TerraformOutput(stack, 'script', { value: terraformLiteral(`aws s3 sync "\${HOME}" s3://${variable.stringValue}`) });
    expect(JSON.parse(Testing.synth(stack)).output.script.value).toBe('aws s3 sync "$${HOME}" s3://${var.bucket}');
  });
});

describe('terraformLiteral of what untyped callers pass', () => {
  it('returns a value that is not a string as it is', () => {
    expect(terraformLiteral(undefined as never)).toBeUndefined();
    expect(terraformLiteral(42 as never)).toBe(42);
  });

  it('doubles every opener, at the start and the end of the text too', () => {
    expect(terraformLiteral('${a}${b}%{c}')).toBe('$${a}$${b}%%{c}');
    expect(terraformLiteral('$ { } ${')).toBe('$ { } $${');
  });
});
