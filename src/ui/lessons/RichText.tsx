/** Lesson text with `backticks` shown as code (node names, SQL), nothing else interpreted. */
export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
        i % 2 === 1 ? <code key={i}>{p}</code> : <span key={i}>{p}</span>,
      )}
    </>
  );
}
