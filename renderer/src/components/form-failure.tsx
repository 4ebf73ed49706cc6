/** Why a form's last action was refused, under the form and announced; nothing while there is none. */
export function FormFailure({ message }: { message: string | null }) {
  return message === null ? null : (
    <p className="form-failure" role="status">
      {message}
    </p>
  )
}
