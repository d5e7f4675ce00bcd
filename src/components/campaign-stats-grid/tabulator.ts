/**
 * Tabulator with only the modules the grid uses (its full build is more than twice the size).
 * Loaded lazily, while the statistics are being fetched: the list and the link never need it.
 */
import {
  Tabulator,
  FilterModule,
  FormatModule,
  InteractionModule,
  KeybindingsModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SortModule,
} from 'tabulator-tables';

Tabulator.registerModule([
  FilterModule,
  FormatModule,
  InteractionModule,
  KeybindingsModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SortModule,
]);

export { Tabulator };
