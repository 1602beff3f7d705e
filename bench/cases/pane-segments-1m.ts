/** Segments in the pane on 1,048,575 purchases, end to end (bench/pane/pane-1m.ts). Run: npx tsx bench/cases/pane-segments-1m.ts */
import { paneCase } from '../pane/pane-1m.ts';

void paneCase('segments');
