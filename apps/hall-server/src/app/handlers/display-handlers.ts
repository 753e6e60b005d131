import { DEFAULT_DISPLAY_LAYOUT, type MediaItem } from '@onestop/shared';
import { accept, reject } from '../../domain/result';
import { handler } from '../context';
import { listMedia, mediaDirOf } from '../media-folder';

// Display layouts and the media folder's listing (issue 19 item 3; docs/display-layouts.md).

export const displayHandlers = {
  'admin:set-display-layout': handler<'admin:set-display-layout'>({
    run(tx, { deviceId, layout, orientation }) {
      const device = tx.store.devices.byId(deviceId);
      if (!device || device.revokedAt !== null) return reject('not_found', `Device ${deviceId}.`);
      if (device.kind !== 'display')
        return reject('wrong_device', `Device ${deviceId} is a ${device.kind}, not a display.`);
      const displayLayout = tx.write.displayLayout({
        id: deviceId,
        layout,
        orientation,
        updatedAt: tx.now,
        changeSeq: 0,
      });
      return accept({ displayLayout });
    },
  }),

  'display:settings': handler<'display:settings'>({
    run(tx) {
      const device = tx.actor.device;
      if (!device) return reject('not_paired');
      const chosen = tx.store.displayLayouts.byDevice(device.id);
      return accept({
        deviceId: device.id,
        layout: chosen?.layout ?? DEFAULT_DISPLAY_LAYOUT.layout,
        orientation: chosen?.orientation ?? DEFAULT_DISPLAY_LAYOUT.orientation,
      });
    },
  }),

  'display:media': handler<'display:media', { items: MediaItem[]; leftOff: number }>({
    async prepare(ctx) {
      return accept(await listMedia(mediaDirOf(ctx.store)));
    },
    run(_tx, _args, listing) {
      return accept(listing);
    },
  }),
};
