/** The bytes of a Node request's body (the dev servers here have no body parser). */
export function readBodyBytes(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The text of a Node request's body, as UTF-8. */
export const readBody = async (request) => (await readBodyBytes(request)).toString('utf8');
