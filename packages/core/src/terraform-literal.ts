/**
 * A literal string as Terraform must read it from JSON configuration: `${` and `%{` open template
 * sequences there, so a password, a key comment or a script that holds them (`${HOME}`) has them
 * doubled (`$${HOME}`) and reaches AWS as written instead of failing `terraform validate`. The
 * markers of cdktf tokens (`${TfToken[...]}`) are left for cdktf to resolve. Apply it once, where
 * the string enters a resource.
 */
export function terraformLiteral(text: string): string {
  if (typeof text !== 'string') return text;
  return text.replace(/([$%])\{(?!TfToken\[)/g, '$1$1{');
}
