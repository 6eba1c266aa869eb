/** The keyboard model of <newsdex-search> (src/ui/combobox.ts), without a browser. */
import { describe, expect, it } from 'vitest'
import { Combobox, isOpenShortcut } from '../../src/ui/combobox.js'

describe('Combobox', () => {
  it('has no active option until options arrive, then the first', () => {
    const combo = new Combobox()
    expect(combo.active).toBe(-1)
    expect(combo.key({ key: 'ArrowDown' })).toBeNull()
    expect(combo.key({ key: 'Enter' })).toBeNull()
    combo.reset(3)
    expect(combo.active).toBe(0)
    combo.reset(0)
    expect(combo.active).toBe(-1)
  })

  it('moves with the arrows, wrapping at both ends', () => {
    const combo = new Combobox()
    combo.reset(3)
    const keys = (...names: string[]) => names.map((key) => (combo.key({ key }), combo.active))
    expect(keys('ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowUp')).toEqual([1, 2, 0, 2, 1, 0])
    expect(combo.key({ key: 'ArrowDown' })).toBe('move')
  })

  it('from no active option, goes down to the first and up to the last', () => {
    const combo = new Combobox()
    combo.reset(4)
    combo.active = -1
    combo.move(1)
    expect(combo.active).toBe(0)
    combo.active = -1
    combo.move(-1)
    expect(combo.active).toBe(3)
  })

  it('pages by five without wrapping', () => {
    const combo = new Combobox()
    combo.reset(12)
    expect([combo.key({ key: 'PageDown' }), combo.active]).toEqual(['move', 5])
    combo.key({ key: 'PageDown' })
    combo.key({ key: 'PageDown' })
    expect(combo.active).toBe(11)
    combo.key({ key: 'PageUp' })
    expect(combo.active).toBe(6)
  })

  it('keeps the active option when options are appended ("show more"), not when they are replaced', () => {
    const combo = new Combobox()
    combo.reset(10)
    combo.move(4)
    combo.reset(20, true)
    expect(combo.active).toBe(4)
    combo.reset(20)
    expect(combo.active).toBe(0)
    combo.move(-1)
    combo.reset(5, true) // fewer options: the active one is gone
    expect(combo.active).toBe(0)
  })

  it('chooses with Enter, leaves Escape to the element, ignores modified arrows and IME keys', () => {
    const combo = new Combobox()
    combo.reset(2)
    expect(combo.key({ key: 'Enter' })).toBe('choose')
    expect(combo.key({ key: 'Enter', ctrlKey: true })).toBe('choose') // Ctrl+Enter opens in a new tab
    expect(combo.key({ key: 'Enter', altKey: true })).toBeNull()
    expect(combo.key({ key: 'Enter', isComposing: true })).toBeNull()
    expect(combo.key({ key: 'Escape' })).toBe('escape')
    expect(combo.key({ key: 'ArrowDown', altKey: true })).toBeNull()
    expect(combo.key({ key: 'ArrowDown', isComposing: true })).toBeNull()
    expect(combo.key({ key: 'a' })).toBeNull()
    expect(combo.key({ key: 'Home' })).toBeNull() // Home and End move the caret
    expect(combo.active).toBe(0)
  })
})

describe('isOpenShortcut', () => {
  it('opens with Ctrl+K and Cmd+K anywhere', () => {
    expect(isOpenShortcut({ key: 'k', ctrlKey: true }, false)).toBe(true)
    expect(isOpenShortcut({ key: 'K', metaKey: true }, true)).toBe(true)
    expect(isOpenShortcut({ key: 'k', ctrlKey: true, shiftKey: true }, false)).toBe(false)
    expect(isOpenShortcut({ key: 'k', ctrlKey: true, altKey: true }, false)).toBe(false)
    expect(isOpenShortcut({ key: 'k' }, false)).toBe(false)
  })

  it('opens with / outside text fields only', () => {
    expect(isOpenShortcut({ key: '/' }, false)).toBe(true)
    expect(isOpenShortcut({ key: '/' }, true)).toBe(false)
    expect(isOpenShortcut({ key: '/', ctrlKey: true }, false)).toBe(false)
  })
})
