/** The check file (Modsurfer YAML) typed, opened or restored from a share link, for the Inspector's Check tab. */
import { create } from 'zustand';

export interface CheckState {
  checkFile: string;
  setCheckFile(text: string): void;
}

export const useCheckFile = create<CheckState>()((set) => ({
  checkFile: '',
  setCheckFile: (checkFile) => set({ checkFile }),
}));
