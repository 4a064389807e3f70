/** "http://192.168.1.20" and ":8765/?code=…": the only place an address may break. */
export function splitHubUrl(url: string): [string, string] | null {
  const m = /^(https?:\/\/[^/:?]+)(.*)$/.exec(url);
  return m ? [m[1]!, m[2]!] : null;
}

/**
 * A hub address that never breaks inside the host: "http://192.168.1.20" and ":8765/?code=…"
 * are each kept whole, with the only allowed break before the port.
 */
export function PhoneUrl({ url, className }: { url: string; className?: string }) {
  const m = splitHubUrl(url);
  return (
    <span className={`phone-url-text ${className ?? ''}`.trim()}>
      {m ? (
        <>
          <span className="nowrap">{m[0]}</span>
          <wbr />
          <span className="nowrap">{m[1]}</span>
        </>
      ) : (
        url
      )}
    </span>
  );
}
