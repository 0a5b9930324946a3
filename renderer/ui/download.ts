/** Hands bytes or text to the browser as a file download (Electron shows its save dialog for it). */
export function downloadFile(data: BlobPart, fileName: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
