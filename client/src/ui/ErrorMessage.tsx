// A refusal or failure in words, announced at once (role=alert); renders nothing without a message.
export function ErrorMessage({ message, className = '' }: { message: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p className={`error ${className}`.trim()} role="alert">
      {message}
    </p>
  );
}
