import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkManifest } from '../../scripts/check-manifest.ts';

const root = path.join(__dirname, '../..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
// webpack.config.js is CommonJS; its URL rewrite is what `npm run build` applies to the manifest.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as {
  rewriteDevUrls: (content: string, urlProd: string) => string;
  urlDev: string;
};

describe('manifest.xml', () => {
  test('passes every local check', () => {
    expect(checkManifest(manifest)).toEqual([]);
  });

  test('is a shared-runtime add-in with the CRM namespace and least permission', () => {
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="CRM"/>');
    expect(manifest.match(/<Permissions>(.*)<\/Permissions>/)?.[1]).toBe('ReadWriteDocument');
  });

  test('a broken manifest is reported, problem by problem', () => {
    expect(checkManifest(manifest.replace('</OfficeApp>', ''))[0]).toMatch(/^not well-formed XML/);
    expect(checkManifest(manifest.replace('resid="Icon.80x80"', 'resid="Icon.99"'))).toContain(
      'resid "Icon.99" is not defined in Resources',
    );
    const swapped = manifest.replace(
      /(<ProviderName>.*<\/ProviderName>)(\s*)(<DefaultLocale>.*<\/DefaultLocale>)/,
      '$3$2$1',
    );
    expect(checkManifest(swapped)).toContain('element ProviderName must come before DefaultLocale');
    expect(checkManifest(manifest.replace('ReadWriteDocument', 'ReadWriteMailbox'))).toContain(
      'Permissions must be ReadWriteDocument (no more)',
    );
    expect(checkManifest(manifest.replace('Customer Value Kit</ProviderName>', 'Contoso</ProviderName>'))).toContain(
      'template leftover: "Contoso"',
    );
    expect(checkManifest(manifest.replace('lifetime="long"', 'lifetime="short"'))).toContain(
      'the shared Runtime must have lifetime="long"',
    );
  });
});

describe('production build of the manifest', () => {
  test('rewrites every dev URL, not just the first', () => {
    const occurrences = manifest.split(webpackConfig.urlDev).length - 1;
    expect(occurrences).toBeGreaterThan(5);
    const urlProd = 'https://addins.example.org';
    const production = webpackConfig.rewriteDevUrls(manifest, urlProd);
    expect(production).not.toContain('localhost');
    expect(production.split(urlProd).length - 1).toBe(occurrences);
    expect(checkManifest(production)).toEqual([]);
  });
});
