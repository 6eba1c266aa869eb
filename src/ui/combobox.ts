/**
 * The keyboard model of the search box, without the DOM: the WAI-ARIA APG combobox with a listbox
 * popup. Focus stays in the input; the arrow keys move the active option (the input's
 * `aria-activedescendant`), wrapping at both ends; the first option is active as soon as options
 * arrive; Enter chooses the active option; Escape is left to the element (it closes the dialog, or
 * clears an inline box).
 */

/** What a key pressed in the input asks for. */
export type ComboboxIntent = 'move' | 'choose' | 'escape' | null

/** The part of a `KeyboardEvent` the model reads. */
export interface KeyInput {
  key: string
  altKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
  shiftKey?: boolean
  /** An IME is composing: its keys are the IME's (Enter confirms a word, not an option). */
  isComposing?: boolean
}

/** The options of the listbox and which one is active. */
export class Combobox {
  /** Number of options. */
  count = 0
  /** Index of the active option; -1 when there is none. */
  active = -1

  /**
   * Sets the number of options. New options make the first one active; options appended to the
   * same list (`keep`, "show more") keep the active one.
   */
  reset(count: number, keep = false): void {
    this.count = Math.max(0, count)
    this.active = this.count === 0 ? -1 : keep && this.active >= 0 && this.active < this.count ? this.active : 0
  }

  /** Moves the active option by `step`, wrapping around; from none, down goes to the first and up to the last. */
  move(step: number): void {
    if (this.count === 0) return
    const from = this.active < 0 ? (step > 0 ? -1 : 0) : this.active
    this.active = (((from + step) % this.count) + this.count) % this.count
  }

  /** Applies a key pressed in the input and says what the element must do. */
  key(event: KeyInput): ComboboxIntent {
    if (event.isComposing) return null
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!plain || this.count === 0) return null
        this.move(event.key === 'ArrowDown' ? 1 : -1)
        return 'move'
      case 'PageDown':
      case 'PageUp':
        if (!plain || this.count === 0) return null
        this.active = Math.min(this.count - 1, Math.max(0, this.active + (event.key === 'PageDown' ? 5 : -5)))
        return 'move'
      case 'Enter':
        return this.active >= 0 && !event.altKey ? 'choose' : null
      case 'Escape':
        return 'escape'
    }
    return null
  }
}

/**
 * Whether a key pressed anywhere on the page opens the search: Ctrl+K or Cmd+K, or `/` typed
 * outside a text field (`editable`: the key's target takes text).
 */
export function isOpenShortcut(event: KeyInput, editable: boolean): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') return true
  return event.key === '/' && !editable && !event.ctrlKey && !event.metaKey && !event.altKey
}
