/**
 * Local manifest checks (`npm run validate`). `office-addin-manifest validate` posts the manifest
 * to a web service, which fails offline; this checks what we can know locally: well-formed XML,
 * required elements in the schema's order, every resid resolves, a shared runtime wired to the
 * CRM custom functions, least permission, and no leftovers from the Office templates.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The TaskPaneApp children in the order the OfficeApp schema (1.1) requires them. */
export const OFFICE_APP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
  'DefaultSettings', 'Permissions', 'AllowSnapshot', 'VersionOverrides',
];
export const OFFICE_APP_REQUIRED = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'DefaultSettings', 'Permissions',
];

/** Strings that betray an unedited template (Yeoman generator, Microsoft samples). */
export const TEMPLATE_LEFTOVERS = [
  'Contoso', '05c2e1c9-3e1d-406e-9a91-e9ac64854143', 'Office Add-in Task Pane Project',
  'Yeoman', 'TODO', 'Commands.Url',
];

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const children = node[tagOf(node)];
  return Array.isArray(children) ? (children as OrderedNode[]).filter((c) => !('#text' in c) && !('#comment' in c)) : [];
}

function walk(node: OrderedNode, visit: (node: OrderedNode) => void): void {
  visit(node);
  for (const child of childrenOf(node)) walk(child, visit);
}

function localName(tag: string): string {
  return tag.includes(':') ? tag.split(':')[1] : tag;
}

/** @returns the problems found, empty when the manifest passes */
export function checkManifest(xml: string): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];

  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' });
  const document = parser.parse(xml) as OrderedNode[];
  const root = document.find((node) => tagOf(node) === 'OfficeApp');
  if (!root) return ['the root element must be OfficeApp'];
  if (root[':@']?.['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp must have xsi:type="TaskPaneApp"');

  const top = childrenOf(root).map(tagOf);
  for (const required of OFFICE_APP_REQUIRED) {
    if (!top.includes(required)) problems.push(`missing required element ${required}`);
  }
  for (const tag of top) {
    if (!OFFICE_APP_ORDER.includes(tag)) problems.push(`unexpected element ${tag} under OfficeApp`);
  }
  const positions = top.filter((tag) => OFFICE_APP_ORDER.includes(tag)).map((tag) => OFFICE_APP_ORDER.indexOf(tag));
  positions.forEach((position, i) => {
    if (i > 0 && position < positions[i - 1]) {
      problems.push(`element ${OFFICE_APP_ORDER[position]} must come before ${OFFICE_APP_ORDER[positions[i - 1]]}`);
    }
  });

  const textOf = (tag: string): string | undefined => {
    const node = childrenOf(root).find((child) => tagOf(child) === tag);
    const content = node?.[tag] as { '#text'?: unknown }[] | undefined;
    return content?.find((c) => '#text' in c)?.['#text']?.toString();
  };
  const id = textOf('Id') ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) problems.push(`Id must be a GUID (got "${id}")`);
  if (!/^\d+(\.\d+){3}$/.test(textOf('Version') ?? '')) problems.push('Version must have four parts, e.g. 1.0.0.0');
  if (textOf('Permissions') !== 'ReadWriteDocument') problems.push('Permissions must be ReadWriteDocument (no more)');

  // Resource ids: every resid used must be defined, every one defined must be used.
  const defined = new Map<string, { kind: string; value: string }>();
  const used = new Set<string>();
  const runtimeIds: string[] = [];
  let namespaceResid: string | undefined;
  let functionsPageResid: string | undefined;
  let customFunctions = false;
  walk(root, (node) => {
    const tag = localName(tagOf(node));
    const attributes = node[':@'] ?? {};
    if (['Image', 'Url', 'String'].includes(tag) && attributes.id) {
      if (defined.has(attributes.id)) problems.push(`resource id ${attributes.id} is defined twice`);
      defined.set(attributes.id, { kind: tag, value: attributes.DefaultValue ?? '' });
    }
    if (attributes.resid) used.add(attributes.resid);
    if (tag === 'Runtime') {
      runtimeIds.push(attributes.resid);
      if (attributes.lifetime !== 'long') problems.push('the shared Runtime must have lifetime="long"');
    }
    if (tag === 'ExtensionPoint' && attributes['xsi:type'] === 'CustomFunctions') {
      customFunctions = true;
      for (const child of childrenOf(node)) {
        const childTag = tagOf(child);
        if (childTag === 'Namespace') namespaceResid = child[':@']?.resid;
        if (childTag === 'Page') functionsPageResid = childrenOf(child)[0]?.[':@']?.resid;
      }
    }
  });
  for (const resid of used) if (!defined.has(resid)) problems.push(`resid "${resid}" is not defined in Resources`);
  for (const [resourceId] of defined) if (!used.has(resourceId)) problems.push(`resource "${resourceId}" is defined but never used`);
  if (runtimeIds.length !== 1) problems.push(`expected exactly one Runtime (got ${runtimeIds.length})`);
  if (!customFunctions) problems.push('missing the CustomFunctions extension point');
  if (namespaceResid === undefined || defined.get(namespaceResid)?.value !== 'CRM') problems.push('the custom functions namespace must be CRM');
  if (functionsPageResid !== runtimeIds[0]) problems.push('the custom functions Page must use the shared runtime');
  if (!/<Set Name="SharedRuntime" MinVersion="1.1"\s*\/>/.test(xml)) problems.push('Requirements must ask for SharedRuntime 1.1');
  if (!/xsi:type="ShowTaskpane"/.test(xml)) problems.push('no ribbon button opens the taskpane (ShowTaskpane)');
  for (const [resourceId, { kind, value }] of defined) {
    if (kind === 'String' && value.length > 250) problems.push(`string ${resourceId} is longer than 250 characters`);
  }
  for (const leftover of TEMPLATE_LEFTOVERS) if (xml.includes(leftover)) problems.push(`template leftover: "${leftover}"`);
  return problems;
}

if (require.main === module) {
  const file = process.argv[2] ?? 'manifest.xml';
  const problems = checkManifest(readFileSync(file, 'utf8'));
  if (problems.length > 0) {
    console.error(`${file}: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`${file}: well-formed, elements in order, every resid resolves, shared runtime, namespace CRM.`);
}
