import { useEffect, useRef } from 'react'

/**
 * Each view names itself: the document title says where you are, and focus moves to the view's heading
 * when it opens, so keyboard and screen-reader users land at the top of the new view, not on <body>.
 */
export function usePageHeading(title: string) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} — Vault Companion`
  }, [title])
  useEffect(() => {
    heading.current?.focus({ preventScroll: true })
  }, [])
  return heading
}
