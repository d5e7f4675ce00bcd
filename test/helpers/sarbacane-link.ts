import type { SarbacaneLink } from '../../src/components/sarbacane-link/sarbacane-link.js';

type TaskLike = { taskComplete: Promise<unknown> };

/** Waits for the element's access task to settle (success or error) and the render after it. */
export async function settle(el: SarbacaneLink): Promise<void> {
  await el.updateComplete;
  await (el as unknown as { accessTask: TaskLike }).accessTask.taskComplete.catch(() => undefined);
  await el.updateComplete;
}
