/**
 * One queue for every write: a task starts when the previous one has
 * finished, so two requests never interleave their read-check-write steps
 * (an If-Match check and the save it guards happen as one step).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Tasks ever entered: lets a test see that a request was refused without queueing, with no clock involved. */
  entered = 0;

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.entered++;
    const next = this.tail.then(task, task);
    // the chain must go on whether this task fails or not
    this.tail = next.catch(() => undefined);
    return next;
  }
}
