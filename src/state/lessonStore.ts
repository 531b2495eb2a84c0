/** The lesson of the share link that was opened (shown above the input), and how to go back to its start. */
import { create } from 'zustand';

export interface Lesson {
  title?: string;
  markdown: string;
}

export interface LessonState {
  lesson: Lesson | null;
  resetting: boolean;
  /** Show `lesson`; `restart` re-applies the link (module, source, inputs) for "Reset to the lesson's start". */
  show(lesson: Lesson | null, restart: () => Promise<void>): void;
  reset(): Promise<void>;
  dismiss(): void;
}

let restartLesson: (() => Promise<void>) | null = null;

export const useLesson = create<LessonState>()((set, get) => ({
  lesson: null,
  resetting: false,
  show(lesson, restart) {
    restartLesson = lesson ? restart : null;
    set({ lesson, resetting: false });
  },
  async reset() {
    if (!restartLesson || get().resetting) return;
    set({ resetting: true });
    try {
      await restartLesson();
    } finally {
      set({ resetting: false });
    }
  },
  dismiss() {
    restartLesson = null;
    set({ lesson: null });
  },
}));
