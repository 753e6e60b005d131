import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

// A screen (or a console tab) in a chunk of its own, so each device loads only its own code
// (docs/benchmarks.md, "One bundle per device"); used by the counter's and the kiosk's screens.
// While the chunk loads the screen says which one it is loading; if the chunk cannot be fetched
// (the hall server unreachable at the first load) it says so and tries again by itself, as an
// unattended pad, console, kiosk or display must. Its words are the `ui` namespace (strings.ts),
// the screen's name is the app's own key.

/** A failed fetch of a screen's chunk, told apart from an error of the screen itself. */
class ChunkLoadError extends Error {}

const RETRY_MS = 15_000;

type Load = () => Promise<ComponentType>;

export function LazyScreen({
  load,
  nameKey,
  className,
}: {
  /** Imports the screen's module and returns the component; stable (declared at top level). */
  load: Load;
  /** The app's i18n key of the screen's name ("screens.counter": 窗口工作台). */
  nameKey: string;
  /** The app's class for the loading and failed boxes (a whole window, or a part: a tab). */
  className: string;
}) {
  const Screen = useMemo(
    () =>
      lazy(() =>
        load().then(
          (screen) => ({ default: screen }),
          (err: unknown) => {
            throw new ChunkLoadError(String(err));
          },
        ),
      ),
    [load],
  );
  const box = className;
  return (
    <LoadBoundary fallback={<LoadFailed nameKey={nameKey} box={box} />}>
      <Suspense fallback={<Loading nameKey={nameKey} box={box} />}>
        <Screen />
      </Suspense>
    </LoadBoundary>
  );
}

function Loading({ nameKey, box }: { nameKey: string; box: string }) {
  const { t } = useTranslation();
  return (
    <main className={box} data-testid="screen-loading" aria-busy="true">
      <p className="big">{t('ui:screenLoad.loading', { screen: t(nameKey) })}</p>
    </main>
  );
}

function LoadFailed({ nameKey, box }: { nameKey: string; box: string }) {
  const { t } = useTranslation();
  // Reloading fetches the page and its chunks afresh once the hall server answers again.
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), RETRY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main className={box} data-testid="screen-load-failed" role="alert">
      <p className="big">{t('ui:screenLoad.failed', { screen: t(nameKey) })}</p>
      <p>{t('ui:screenLoad.retrying')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('ui:screenLoad.retry')}
      </button>
    </main>
  );
}

/** Shows `fallback` when the chunk failed to load; any other error goes on up. */
interface BoundaryState {
  failed: boolean;
  /** Any other error, thrown on to the boundary above (wrapped: `null` may be thrown too). */
  other: { error: unknown } | null;
}

class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false, other: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return error instanceof ChunkLoadError ? { failed: true } : { other: { error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (error instanceof ChunkLoadError) console.warn('screen chunk not loaded', error, info);
  }

  override render() {
    if (this.state.other) throw this.state.other.error;
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
