/** Lifetime value in the pane on 1,048,575 purchases, end to end (bench/pane/pane-1m.ts). Run: npx tsx bench/cases/pane-lifetime-1m.ts */
import { paneCase } from '../pane/pane-1m.ts';

void paneCase('lifetime');
