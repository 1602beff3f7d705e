/**
 * The certificate for `npm run dev-server` (Office loads add-ins over https only), from
 * `office-addin-dev-certs`, a plain-JavaScript dev dependency that installs everywhere (its
 * certificates are made by the `mkcert` package; no native build).
 *
 * - Where its development CA is already trusted, or on Windows and macOS (where installing the CA
 *   asks the user once), its own `getHttpsServerOptions()` is used, as in Office's templates.
 * - On Linux, installing the CA into the system store needs sudo and browsers read their own
 *   store anyway: the certificates are made (or reused while valid) in the certificate folder
 *   without installing anything, and the server starts. The message says how to trust the CA.
 *
 * Environment: CVK_DEV_CERTS_DIR puts the certificates in another folder (tests use a temporary
 * one; the CA is then never installed).
 */
const { X509Certificate } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Renew a day before the certificate expires. */
const RENEW_MS = 24 * 60 * 60 * 1000;

function validFiles(files, now = Date.now()) {
  if (!Object.values(files).every((file) => fs.existsSync(file))) return false;
  try {
    const certificate = new X509Certificate(fs.readFileSync(files.cert));
    return Date.parse(certificate.validTo) - now > RENEW_MS && certificate.checkHost('localhost') === 'localhost';
  } catch {
    return false;
  }
}

/**
 * @param {{ directory?: string, log?: (message: string) => void }} [options]
 * @returns {Promise<{ ca: Buffer, cert: Buffer, key: Buffer }>} options for an https server
 */
async function devHttpsOptions(options = {}) {
  const devCerts = require('office-addin-dev-certs');
  const defaults = require('office-addin-dev-certs/lib/defaults');
  const { verifyCertificates } = require('office-addin-dev-certs/lib/verify');
  const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
  const log = options.log ?? ((message) => console.warn(message));
  const directory = options.directory ?? process.env.CVK_DEV_CERTS_DIR ?? defaults.certificateDirectory;
  const own = path.resolve(directory) === path.resolve(defaults.certificateDirectory);
  if (own && (process.platform !== 'linux' || verifyCertificates())) return devCerts.getHttpsServerOptions();

  const files = {
    ca: path.join(directory, defaults.caCertificateFileName),
    cert: path.join(directory, defaults.localhostCertificateFileName),
    key: path.join(directory, defaults.localhostKeyFileName),
  };
  if (!validFiles(files)) {
    // generateCertificates writes nothing when a CA file is there: start from an empty set.
    Object.values(files).forEach((file) => fs.rmSync(file, { force: true }));
    await generateCertificates(files.ca, files.cert, files.key, defaults.daysUntilCertificateExpires, defaults.domain);
  }
  log(
    `Serving https://localhost with ${files.cert}, signed by the development CA ${files.ca}, which is not installed here. ` +
      'For Excel on the web, let your browser trust that CA once (Chrome: Settings → Privacy and security → Security → ' +
      'Manage certificates → Authorities → Import, tick "Trust this certificate for identifying websites"; Firefox: ' +
      'Settings → Certificates → View Certificates → Authorities → Import), or install it system-wide with ' +
      '`sudo npx office-addin-dev-certs install`. The certificates last 30 days; new ones need importing again.',
  );
  return { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
}

module.exports = { devHttpsOptions };
