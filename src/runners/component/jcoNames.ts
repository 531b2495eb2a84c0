/** How jco names WIT things in JS (kebab-case → lowerCamelCase functions, UpperCamelCase resources). */

export function lowerCamel(name: string): string {
  const parts = name.split('-');
  return parts.map((p, i) => (i === 0 ? p.toLowerCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())).join('');
}

export function upperCamel(name: string): string {
  return name
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join('');
}
