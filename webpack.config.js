/**
 * Builds the two parts of the shared runtime: the taskpane page (which also hosts, in the shared
 * runtime, the custom functions) and the functions script Excel loads for formulas. The ribbon
 * button needs no script: it opens the pane declaratively (ShowTaskpane in manifest.xml).
 * `functions.json` is generated from the JSDoc in src/functions/functions.ts by
 * CustomFunctionsMetadataPlugin.
 *
 * Environment:
 *   ADDIN_URL_PROD  production origin (https, no trailing slash) written into manifest.xml by
 *                   `npm run build`; required for a production build (`ADDIN_URL_PROD=placeholder`
 *                   builds with https://customer-value-kit.example.com, for trying the build only)
 *   DEV_HTTP=1      serve the dev server over plain http (standalone pane; no certificate needed)
 */
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000';
const placeholderUrl = 'https://customer-value-kit.example.com';
const devServerPort = Number(process.env.npm_package_config_dev_server_port || 3000);
const officeJsCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The origin a production build writes into the manifest, from ADDIN_URL_PROD. A manifest that
 * points at a host nobody serves would install an add-in that never loads, so an unset or
 * non-https value stops the build; `placeholder` asks for the example host on purpose.
 *
 * @param {Record<string, string | undefined>} env the environment (process.env)
 * @returns {string} the origin without a trailing slash
 * @throws {Error} saying what to set when ADDIN_URL_PROD is unset or not an https URL
 */
function productionUrl(env) {
  // A message for the user, not a stack trace through webpack-cli.
  const problem = (message) => Object.assign(new Error(message), { stack: `Error: ${message}` });
  const value = (env.ADDIN_URL_PROD ?? '').trim();
  if (value === 'placeholder') return placeholderUrl;
  const usage =
    'Set it to the https origin that will serve dist/, e.g. ADDIN_URL_PROD=https://addins.example.org npm run build ' +
    '(or ADDIN_URL_PROD=placeholder to build with https://customer-value-kit.example.com, which serves nothing).';
  if (value === '') throw problem(`ADDIN_URL_PROD is not set: a production build writes it into manifest.xml. ${usage}`);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw problem(`ADDIN_URL_PROD is not a URL (${JSON.stringify(value)}). ${usage}`);
  }
  if (url.protocol !== 'https:') throw problem(`ADDIN_URL_PROD must be an https URL: Office loads add-ins over https only (got ${value}). ${usage}`);
  return value.replace(/\/+$/, '');
}

/** Every occurrence, not just the first: the manifest names the dev origin many times. */
function rewriteDevUrls(content, urlProd) {
  return content.toString().split(urlDev).join(urlProd);
}

async function httpsOptions() {
  // Only for sideloading into Excel; see scripts/dev-certs.js (works on Linux without sudo).
  return require('./scripts/dev-certs.js').devHttpsOptions();
}

module.exports = async (env, options) => {
  const dev = options.mode !== 'production';
  const urlProd = dev ? urlDev : productionUrl(process.env);
  const useHttps = dev && process.env.DEV_HTTP !== '1' && process.env.WEBPACK_SERVE === 'true';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      functions: './src/functions/functions.ts',
      // The pane's analyses run in this Web Worker (src/taskpane/worker), off the main thread.
      'analysis-worker': './src/taskpane/worker/analysis.worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
        // Sample data embedded in the pane (standalone mode): imported as text.
        {
          test: /\.(csv|txt)$/,
          include: path.resolve(__dirname, 'data'),
          type: 'asset/source',
        },
      ],
    },
    performance: { maxAssetSize: 4_000_000, maxEntrypointSize: 4_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // functions needs office.js first: the pane loads both, inside Office only (office-loader.ts).
        chunks: ['taskpane'],
        templateParameters: { officeJs: dev ? 'office.js' : officeJsCdn },
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/help.html',
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/fluent.css', to: '[name][ext]' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : rewriteDevUrls(content, urlProd)),
          },
          // Development serves office.js locally: the pane must also open offline and outside Office.
          ...(dev
            ? [
                { from: 'node_modules/@microsoft/office-js/dist/office.js', to: 'office.js' },
                { from: 'node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js', to: 'o15apptofilemappingtable.js' },
                { from: 'node_modules/@microsoft/office-js/dist/en-us', to: 'en-us' },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: devServerPort,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
      server: useHttps ? { type: 'https', options: await httpsOptions() } : 'http',
      client: false,
      open: false,
    },
  };
};

module.exports.rewriteDevUrls = rewriteDevUrls;
module.exports.productionUrl = productionUrl;
module.exports.urlDev = urlDev;
module.exports.placeholderUrl = placeholderUrl;
