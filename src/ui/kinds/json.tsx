/** A value as one line of JSON (strings as they are), for the Destinations tab's viewers. */
export function Json({ value }: { value: unknown }) {
  return <code className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}
