// Switches a connected board between its views (canvas, list, phone posting, projector) and keeps `?view=` in step.
import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import { useIdentityContext } from '../board/boardHooks.ts';
import { PhoneView } from '../phone/PhoneView.tsx';
import { hrefWithView, initialView, isPhoneScreen, viewsFor, type ViewKind } from './viewChoice.ts';
import { TopBar } from '../board/TopBar.tsx';

// The list and the projector (with its QR code library) load when first shown: the phone view needs neither.
const ListView = lazy(() => import('./ListView.tsx').then((m) => ({ default: m.ListView })));
const ProjectorView = lazy(() => import('../projector/ProjectorView.tsx').then((m) => ({ default: m.ProjectorView })));
const loadingView = <p role="status">Loading the view…</p>;

export interface BoardViewsProps {
  /** The canvas view, which lives in board/. */
  renderBoard: () => ReactNode;
}

export function BoardViews({ renderBoard }: BoardViewsProps) {
  const { identity } = useIdentityContext();
  const [view, setView] = useState<ViewKind>(() =>
    initialView({ search: window.location.search, role: identity.role, isPhone: isPhoneScreen() }),
  );
  const beforeProjector = useRef<ViewKind>('board');
  const [isBackFromProjector, setBackFromProjector] = useState(false);
  const views = viewsFor(identity.role);
  // A role can change under us (a rejoin): never show a view the person may not use.
  const shown = views.includes(view) ? view : 'board';

  const choose = useCallback(
    (next: ViewKind) => {
      if (shown !== 'projector') beforeProjector.current = shown;
      setBackFromProjector(shown === 'projector');
      setView(next);
      // replaceState: switching views is not navigation, Back should still leave the board.
      window.history.replaceState(window.history.state, '', hrefWithView(window.location.href, next));
    },
    [shown],
  );

  if (shown === 'projector') {
    return (
      <Suspense fallback={loadingView}>
        <ProjectorView onExit={() => choose(beforeProjector.current)} />
      </Suspense>
    );
  }
  return (
    <>
      <TopBar views={views} current={shown} onChoose={choose} shouldFocus={isBackFromProjector} />
      {shown === 'list' ? (
        <Suspense fallback={loadingView}>
          <ListView />
        </Suspense>
      ) : shown === 'phone' ? (
        <PhoneView />
      ) : (
        renderBoard()
      )}
    </>
  );
}
