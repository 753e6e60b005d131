import { DisplayLayoutKind, DisplayOrientation, type DisplayLayout } from '@onestop/shared';
import { field } from '../fields';
import { versioned } from '../record-kind';

// Each hall display's layout and orientation (issue 19 item 3), chosen by the admin. Staff
// screens are sent all of them; a display only its own (keyed by its device id), which it
// follows live; kiosks, pads and the phone status page none (they name devices).

export const displayLayouts = versioned<DisplayLayout>({
  table: 'display_layouts',
  key: 'id',
  fields: {
    id: field.text('device_id').writtenOnce(),
    layout: field.enum('layout', DisplayLayoutKind),
    orientation: field.enum('orientation', DisplayOrientation),
    updatedAt: field.int('updated_at'),
    changeSeq: field.int('change_seq'),
  },
  sync: 'hall-local',
  shown: { as: 'displayLayouts', to: 'display' },
});
