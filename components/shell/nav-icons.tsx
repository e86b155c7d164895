import type { ReactNode, SVGProps } from "react";

/** Line icons for the navigation: 24-unit grid, drawn in the text colour, hidden from assistive tech. */
function Icon({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export type IconProps = SVGProps<SVGSVGElement>;

export const ControlCenterIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="4" y="4" width="7" height="7" rx="1.5" />
    <rect x="13" y="4" width="7" height="4" rx="1.5" />
    <rect x="13" y="10" width="7" height="10" rx="1.5" />
    <rect x="4" y="13" width="7" height="7" rx="1.5" />
  </Icon>
);

export const InboxIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 13l2.5-7h11L20 13v5.5a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5z" />
    <path d="M4 13h4.5l1.5 2.5h4l1.5-2.5H20" />
  </Icon>
);

export const DiscoverIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M15.5 8.5l-2 5-5 2 2-5z" />
  </Icon>
);

export const ConnectionsIcon = (p: IconProps) => (
  <Icon {...p}>
    <ellipse cx="12" cy="6" rx="7" ry="2.75" />
    <path d="M5 6v12c0 1.5 3.1 2.75 7 2.75s7-1.25 7-2.75V6" />
    <path d="M5 12c0 1.5 3.1 2.75 7 2.75s7-1.25 7-2.75" />
  </Icon>
);

export const OntologyIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="6" cy="6.5" r="2.25" />
    <circle cx="18" cy="8" r="2.25" />
    <circle cx="11" cy="18" r="2.25" />
    <path d="M8.2 6.8l7.6 0.9M7 8.6l3 7.3M16.6 9.8l-4.2 6.4" />
  </Icon>
);

export const OrchestrationIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 7.5h12M12.5 4l3.5 3.5-3.5 3.5" />
    <path d="M20 16.5H8M11.5 13L8 16.5l3.5 3.5" />
  </Icon>
);

export const AgentsIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="5" y="8" width="14" height="11" rx="3" />
    <path d="M12 4.5V8M9.5 16h5" />
    <circle cx="12" cy="3.75" r="0.75" fill="currentColor" />
    <circle cx="9.5" cy="12.5" r="1" fill="currentColor" stroke="none" />
    <circle cx="14.5" cy="12.5" r="1" fill="currentColor" stroke="none" />
  </Icon>
);

export const AssistantIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5 4.5h14A1.5 1.5 0 0 1 20.5 6v9.5A1.5 1.5 0 0 1 19 17h-7l-4.5 3.5V17H5a1.5 1.5 0 0 1-1.5-1.5V6A1.5 1.5 0 0 1 5 4.5z" />
    <path d="M8 9h8M8 12.5h5" />
  </Icon>
);

export const TeamIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="9" cy="8" r="3" />
    <path d="M3.5 19.5c0-3 2.5-5.25 5.5-5.25s5.5 2.25 5.5 5.25" />
    <circle cx="16.75" cy="9" r="2.25" />
    <path d="M16.5 14.25c2.3 0 4 1.75 4 4.25" />
  </Icon>
);

export const InvitationsIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3.5" y="5.5" width="17" height="13" rx="1.5" />
    <path d="M4 7l8 6 8-6" />
  </Icon>
);

export const ApiKeysIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="15.5" r="4" />
    <path d="M10.9 12.6L19.5 4M16 7.5l2.5 2.5M13.75 9.75l2 2" />
  </Icon>
);

export const FaqIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M9.6 9.5a2.5 2.5 0 1 1 3.4 2.35c-.6.25-1 .85-1 1.5v.4" />
    <circle cx="12" cy="16.75" r="0.9" fill="currentColor" stroke="none" />
  </Icon>
);

export const MenuIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </Icon>
);

export const CloseIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);
