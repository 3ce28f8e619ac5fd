"""Reading with several processes: `legation read --processes N`.

Each worker process holds a whole `Extractor` and does everything for its batches of
documents, parse and extraction alike, and sends back only the events (plain dataclasses).
The parent reads the inputs, writes the output and saves to the ledger. spaCy's own
`nlp.pipe(n_process=...)` parses in workers but sends the parsed Docs back to be read in the
parent, which then does a third of the work on its own and holds the others back.

- On Linux the workers are forked from the parent after it has built its extractor, so they
  start at once and share its model pages; elsewhere they are spawned and each builds an
  `Extractor(**extractor_kwargs)` of its own.
- Documents go out in bulk's batches, of at most 32 documents or 60,000 characters (the
  parser pads a batch to its longest document), at most `IN_FLIGHT` batches per worker at
  a time, and come back in input order: memory stays flat however long the input.
- A batch that fails is read again one document at a time, so that only the document at fault
  is lost; it is passed to `on_error` with the reason, and the run goes on.
- Workers ignore Ctrl-C (it reaches the whole process group); the parent stops them and
  waits for them, so none is left behind.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..model import Document, Event

IN_FLIGHT = 3  # batches per worker sent ahead; the parent waits for them in input order

# Numeric libraries start a thread per core unless told otherwise; every worker is one of N
# processes already, so each keeps to one thread. Read by OpenBLAS and OpenMP when they load.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")

_EXTRACTOR = None  # the worker's extractor (inherited when forked)


def one_thread_each() -> None:
    """Keep numeric libraries loaded after this call to one thread (a user's setting wins)."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def _start_method() -> str:
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _init_worker(extractor_kwargs: dict | None) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the workers
    global _EXTRACTOR
    if _EXTRACTOR is None:
        one_thread_each()
        from .pipeline import Extractor

        _EXTRACTOR = Extractor(**(extractor_kwargs or {}))


def _read_batch(batch: list[Document]) -> list[tuple[bool, list[Event] | str]]:
    """(True, events) or (False, why) for every document of a batch, in order."""
    from ..bulk import _describe  # the same words for a failed document as `legation bulk`

    ex = _EXTRACTOR
    out: list[tuple[bool, list[Event] | str]] = []
    try:
        for _, events in ex.pipe(batch, batch_size=len(batch)):
            out.append((True, events))
    except Exception:
        for document in batch[len(out) :]:
            try:
                out.append((True, ex.read(document)))
            except Exception as err:
                out.append((False, _describe(err)))
    return out


def batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """Runs of documents, in order, cut as `legation bulk` cuts them for the parser (at most
    32 documents and, unless one is longer by itself, 60,000 characters)."""
    from ..bulk import _batches

    for run in _batches(enumerate(documents)):
        yield [d for _, d in run]


def pipe_parallel(
    documents: Iterable[Document],
    n_process: int,
    extractor=None,
    extractor_kwargs: dict | None = None,
    on_error: Callable[[Document, str], None] | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    """(document, events) for every document, in input order, as `Extractor.pipe` gives them,
    read by `n_process` worker processes. `extractor` is the parent's own (forked workers
    share it); `extractor_kwargs` build one in each spawned worker. A document that cannot be
    read goes to `on_error(document, reason)` (or raises, without one) and is not yielded."""
    global _EXTRACTOR
    method = _start_method()
    if method == "fork":
        if extractor is None:
            from .pipeline import Extractor

            extractor = Extractor(**(extractor_kwargs or {}))
        _EXTRACTOR = extractor
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(None if method == "fork" else extractor_kwargs,),
    )
    pending: deque = deque()
    source = batches(documents)
    finished = False
    try:
        while True:
            while len(pending) < IN_FLIGHT * n_process:
                batch = next(source, None)
                if batch is None:
                    break
                pending.append((batch, pool.submit(_read_batch, batch)))
            if not pending:
                break
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                raise RuntimeError("a reading process stopped unexpectedly (out of memory?)") from None
            for document, (ok, outcome) in zip(batch, results):
                if ok:
                    yield document, outcome
                elif on_error is None:
                    raise RuntimeError(f"{document.origin}: {outcome}")
                else:
                    on_error(document, outcome)
        finished = True
    finally:
        if method == "fork":
            _EXTRACTOR = None
        if not finished:  # an error, Ctrl-C, or the caller stopped early: no more work
            for _, future in pending:
                future.cancel()
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
