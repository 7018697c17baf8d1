import { m } from './i18n';
// Reading a file the person chose in a file input, to send it to the backend.

/** The bytes of a chosen file (FileReader where `File.arrayBuffer` is missing, as in older WebViews). */
export async function readFileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(m.files_the_file_could_not_be()));
    reader.readAsArrayBuffer(file);
  });
}
