import { DisplayLayoutKind, DisplayOrientation, type DisplayLayout } from '@onestop/shared';
import { field } from '../fields';
import { versioned } from '../record-kind';

// Each hall display's layout and orientation (issue 19 item 3), chosen by the admin. Every
// device is sent them: a display finds its own by its device id, and they say nothing private.

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
  shown: { as: 'displayLayouts', to: 'public' },
});
