/** Radius of a drawn point or skeleton joint, in screen pixels at any zoom. */
export const POINT_RADIUS_PX = 3.5;
/** Side of a vertex or resize handle, in screen pixels. */
export const HANDLE_PX = 8;
/** How far above a rotated shape its rotation handle floats, in screen pixels. */
export const ROTATION_HANDLE_OFFSET_PX = 24;
