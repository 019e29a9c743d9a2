/**
 * Save text as a file the way any web page can: a Blob URL and a click on an <a download>.
 * No "downloads" permission is needed. The only place Glossa starts a download.
 */
export function downloadText(doc: Document, filename: string, content: string, mimeType: string) {
  const view = doc.defaultView ?? globalThis;
  const url = view.URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoke later: some browsers read the Blob after click() returns.
    view.setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
  }
}
