import { MEDIA_IMAGE_SECONDS, type MediaItem } from '@onestop/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The media zone: the hall's media folder in rotation, each image for MEDIA_IMAGE_SECONDS,
// each video to its end, always muted (the hall's voice must never be drowned). A file that
// fails to load is skipped. With no media, the duty leader's notice or the hall's name.

export function mediaUrl(name: string): string {
  return `/media/${encodeURIComponent(name)}`;
}

export function MediaZone({
  items,
  fallback,
  imageSeconds = MEDIA_IMAGE_SECONDS,
  sample = false,
}: {
  /** null: not answered yet. */
  items: MediaItem[] | null;
  /** What the zone shows with no media. */
  fallback: string;
  imageSeconds?: number;
  /** The console's preview: a sample slide where the hall's files would play. */
  sample?: boolean;
}) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  /** Counts every turn, so that a single video or image plays again from its start. */
  const [turn, setTurn] = useState(0);
  const count = items?.length ?? 0;
  const item = count > 0 ? items![index % count]! : null;
  const next = () => {
    setIndex((i) => (i + 1) % Math.max(1, count));
    setTurn((n) => n + 1);
  };

  useEffect(() => {
    if (item?.kind !== 'image') return;
    const timer = setTimeout(next, imageSeconds * 1000);
    return () => clearTimeout(timer);
    // A new turn starts the image's time again.
  }, [item?.name, item?.kind, turn, imageSeconds]);

  return (
    <section className="media-zone zone-media" data-zone="media" aria-label={t('mediaZone')}>
      {sample ? (
        <div className="media-sample" data-testid="media-sample">
          <span>{t('mediaSample')}</span>
        </div>
      ) : items === null ? (
        <p className="media-fallback muted" aria-busy="true">
          {t('connecting')}
        </p>
      ) : item === null ? (
        <p className="media-fallback" data-testid="media-empty">
          {fallback}
        </p>
      ) : item.kind === 'image' ? (
        <img
          key={`${turn}:${item.name}`}
          className="media-item"
          src={mediaUrl(item.name)}
          alt=""
          data-media={item.name}
          onError={next}
        />
      ) : (
        <MutedVideo key={`${turn}:${item.name}`} name={item.name} onDone={next} />
      )}
    </section>
  );
}

/** A video that plays once, muted whatever the file or the browser says, then hands on. */
function MutedVideo({ name, onDone }: { name: string; onDone: () => void }) {
  const ref = useRef<HTMLVideoElement>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.muted = true;
    video.volume = 0;
    const keepMuted = () => {
      if (!video.muted || video.volume > 0) {
        video.muted = true;
        video.volume = 0;
      }
    };
    video.addEventListener('volumechange', keepMuted);
    void video.play().catch(() => done.current());
    return () => video.removeEventListener('volumechange', keepMuted);
  }, []);
  return (
    <video
      ref={ref}
      className="media-item"
      src={mediaUrl(name)}
      data-media={name}
      muted
      playsInline
      preload="auto"
      onEnded={() => done.current()}
      onError={() => done.current()}
    />
  );
}
