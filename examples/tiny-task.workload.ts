/**
 * Tiny tasks: a small JSON round trip, about a microsecond of work. Handing such a task to another
 * thread or process costs tens of microseconds, far more than the task. Expected: sequential (or async).
 */
const payload = { id: 0, name: 'widget', tags: ['a', 'b', 'c'], price: 9.99 };

export default function tinyTask(taskIndex: number): number {
  payload.id = taskIndex;
  return JSON.parse(JSON.stringify(payload)).id;
}
