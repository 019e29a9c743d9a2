/**
 * A failure the reader must hear about: announced at once by screen readers (role="alert") and
 * styled as an error. Renders nothing while there is no message, so a form keeps it in place.
 */
export function ErrorMessage({ text, id }: { text: string | null | undefined; id?: string }) {
  if (!text) return null;
  return (
    <p id={id} class="error" role="alert">
      {text}
    </p>
  );
}
